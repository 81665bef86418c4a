namespace Chatbot.Tools.Policy;

/// <summary>
/// Tool policies per tenant, configured under <c>Chatbot:Tools:Policy</c>: <c>Default</c> applies to every tenant
/// without an entry in <c>Tenants</c>. Validated at start-up by <see cref="ToolPolicyOptionsValidator"/>, which also
/// proves with the solver that each tool's constraints can hold together.
/// </summary>
public sealed class ToolPolicyOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:Policy";

    /// <summary>Policy of tenants without their own entry. Allows no tool unless configured.</summary>
    public ToolPolicy Default { get; set; } = new();

    /// <summary>Policies by tenant id (case-sensitive).</summary>
    public Dictionary<string, ToolPolicy> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The policy of <paramref name="tenantId"/>: its own entry, or <see cref="Default"/>.</summary>
    public ToolPolicy For(string tenantId) => Tenants.TryGetValue(tenantId, out var policy) ? policy : Default;
}
