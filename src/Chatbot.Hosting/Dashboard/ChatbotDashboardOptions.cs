namespace Chatbot.Hosting.Dashboard;

/// <summary>The Orleans dashboard (<c>Chatbot:Dashboard</c>), served by the gateway to administrators only.</summary>
public sealed class ChatbotDashboardOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Dashboard";

    /// <summary>Path the gateway serves the dashboard under.</summary>
    public const string Path = "/dashboard";

    /// <summary>
    /// Collect grain statistics on every silo and serve the dashboard at <see cref="Path"/>. Every silo and the
    /// gateway must agree (set it in the shared configuration). Default false: the profiler costs a little on every
    /// grain call.
    /// </summary>
    public bool Enabled { get; set; }
}
