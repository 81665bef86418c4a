namespace Chatbot.Tools.Invocation;

/// <summary>
/// Who is calling a tool: the tenant whose policy applies and an id that ties the call to its agent run in logs.
/// Immutable; create one per run (or per call).
/// </summary>
/// <param name="TenantId">Tenant whose <c>ToolPolicy</c> governs the call.</param>
/// <param name="CallId">Id of the call (for example the model's function-call id); used in logs only.</param>
public sealed record ToolInvocationContext(string TenantId, string CallId)
{
    /// <summary>Tenant whose <c>ToolPolicy</c> governs the call.</summary>
    public string TenantId { get; } = string.IsNullOrWhiteSpace(TenantId)
        ? throw new ArgumentException("A tenant id is required.", nameof(TenantId))
        : TenantId;
}
