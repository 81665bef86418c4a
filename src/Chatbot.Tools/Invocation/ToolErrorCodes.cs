namespace Chatbot.Tools.Invocation;

/// <summary>Stable error codes of <see cref="ToolResult.ErrorCode"/>; safe to log, count and show.</summary>
public static class ToolErrorCodes
{
    /// <summary>No tool of that name is registered.</summary>
    public const string UnknownTool = "unknown_tool";

    /// <summary>The arguments do not match the tool's schema, or the tool rejected a value.</summary>
    public const string InvalidArguments = "invalid_arguments";

    /// <summary>The tenant's <c>ToolPolicy</c> does not allow this call.</summary>
    public const string Denied = "denied";

    /// <summary>The call ran longer than <see cref="ToolDefinition.Timeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The tool needs settings (endpoint, key, connection) that are not configured.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>The tool ran and failed (remote error, I/O error, query error).</summary>
    public const string Failed = "failed";
}
