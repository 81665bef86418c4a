using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Chatbot.Hosting.Dashboard;

/// <summary>Adds the Orleans dashboard's services where <see cref="ChatbotDashboardOptions.Enabled"/> says so.</summary>
public static class DashboardExtensions
{
    /// <summary>Whether <c>Chatbot:Dashboard:Enabled</c> is on.</summary>
    public static bool IsDashboardEnabled(this IConfiguration configuration) =>
        configuration.GetSection(ChatbotDashboardOptions.SectionName).Get<ChatbotDashboardOptions>()?.Enabled == true;

    /// <summary>Collects grain statistics on this silo for the dashboard, when enabled.</summary>
    public static ISiloBuilder AddChatbotDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        configuration.IsDashboardEnabled() ? silo.AddDashboard() : silo;

    /// <summary>Lets a client (a gateway in <c>client</c> mode) serve the dashboard, when enabled.</summary>
    public static IClientBuilder AddChatbotDashboard(this IClientBuilder client, IConfiguration configuration) =>
        configuration.IsDashboardEnabled() ? client.AddDashboard() : client;
}
