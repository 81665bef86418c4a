using Chatbot.Conversations;
using Chatbot.Tenants;

namespace Chatbot.Agents;

/// <summary>
/// The string key of an <see cref="IAgentRunGrain"/>: <c>{tenant}/{runId}</c>. The tenant is part of the key, so a caller
/// can only reach runs of the tenant it was authenticated for. Run ids follow the rules of conversation ids.
/// </summary>
public static class AgentRunKey
{
    /// <summary>Formats the grain key; throws <see cref="ArgumentException"/> for an invalid tenant or run id.</summary>
    public static string Format(string tenantId, string runId)
    {
        if (!TenantId.IsValid(tenantId))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(tenantId));
        }

        if (!IsValidRunId(runId))
        {
            throw new ArgumentException("Invalid run id.", nameof(runId));
        }

        return $"{tenantId}/{runId}";
    }

    /// <summary>Splits a grain key into tenant and run id.</summary>
    public static (string TenantId, string RunId) Parse(string key) => ConversationKey.Parse(key);

    /// <summary>True when <paramref name="runId"/> is 1–128 printable characters without '/'.</summary>
    public static bool IsValidRunId(string? runId) => ConversationKey.IsValidId(runId);
}
