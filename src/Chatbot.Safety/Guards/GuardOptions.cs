namespace Chatbot.Safety.Guards;

/// <summary>
/// Guard policies per tenant, configured under <c>Chatbot:Safety</c>: <c>Default</c> applies to every tenant
/// without an entry in <c>Tenants</c>. Validated at start-up.
/// </summary>
public sealed class GuardOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Safety";

    /// <summary>Policy of tenants without their own entry.</summary>
    public GuardPolicy Default { get; set; } = new();

    /// <summary>Policies by tenant id (case-sensitive).</summary>
    public Dictionary<string, GuardPolicy> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The policy of <paramref name="tenantId"/>: its own entry, or <see cref="Default"/>.</summary>
    public GuardPolicy For(string tenantId) => Tenants.TryGetValue(tenantId, out var policy) ? policy : Default;
}
