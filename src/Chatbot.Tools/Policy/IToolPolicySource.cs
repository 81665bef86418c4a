using Microsoft.Extensions.Options;

namespace Chatbot.Tools.Policy;

/// <summary>
/// Where the <c>ToolInvoker</c> gets a tenant's policy before each call. The default reads <see cref="ToolPolicyOptions"/>;
/// a tenant grain can supply policies edited at run time instead. Implementations are thread-safe.
/// </summary>
public interface IToolPolicySource
{
    /// <summary>The policy that governs <paramref name="tenantId"/>'s tool calls right now.</summary>
    ValueTask<ToolPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>Policies from configuration; follows reloads through <see cref="IOptionsMonitor{TOptions}"/>.</summary>
public sealed class OptionsToolPolicySource(IOptionsMonitor<ToolPolicyOptions> options) : IToolPolicySource
{
    /// <inheritdoc />
    public ValueTask<ToolPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.For(tenantId));
}
