namespace Chatbot.Tools.Policy;

/// <summary>
/// Whether a tool call may go ahead. A denial names the rule (<c>tool.kind[index]</c> or the relation's name) and
/// says why, in words fit for the model, the audit log and the user. Immutable.
/// </summary>
/// <param name="Allowed">True when the call may run.</param>
/// <param name="Rule">The rule that denied the call; null when allowed.</param>
/// <param name="Reason">Why the call was denied; empty when allowed.</param>
public sealed record PolicyDecision(bool Allowed, string? Rule, string Reason)
{
    /// <summary>The call may run.</summary>
    public static PolicyDecision Allow { get; } = new(true, null, "");

    /// <summary>The call is denied by <paramref name="rule"/>.</summary>
    public static PolicyDecision Deny(string rule, string reason) => new(false, rule, $"Denied by rule '{rule}': {reason}");
}
