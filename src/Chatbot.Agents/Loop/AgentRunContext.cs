namespace Chatbot.Agents.Loop;

/// <summary>Who runs what: the tenant, the run's id and its validated request. Immutable.</summary>
/// <param name="TenantId">Tenant whose policies, tools and knowledge apply.</param>
/// <param name="RunId">The run's id (for call ids, logs and memory sources).</param>
/// <param name="Request">The request.</param>
public sealed record AgentRunContext(string TenantId, string RunId, AgentRunRequest Request);
