using Chatbot.Gateway.Auth;
using Chatbot.Hosting.Dashboard;
using Orleans.Dashboard;

namespace Chatbot.Gateway.Operations;

/// <summary>The Orleans dashboard at <see cref="ChatbotDashboardOptions.Path"/>, for administrators only.</summary>
internal static class DashboardEndpoints
{
    /// <summary>Maps the dashboard behind <see cref="AdminPolicy"/> when <c>Chatbot:Dashboard:Enabled</c> is on.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.IsDashboardEnabled())
        {
            endpoints.MapOrleansDashboard(ChatbotDashboardOptions.Path).RequireAuthorization(AdminPolicy.Name);
        }

        return endpoints;
    }
}
