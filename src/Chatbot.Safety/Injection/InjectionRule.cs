using System.Text.RegularExpressions;

namespace Chatbot.Safety.Injection;

/// <summary>
/// One weighted pattern of the injection detector, matched against folded (lower-case, NFKC) text. Patterns run on
/// the non-backtracking engine: matching attacker-written text takes linear time, so no input can stall the guard
/// and no rule is ever skipped on a timeout.
/// </summary>
/// <param name="Id">Stable name reported in findings, e.g. <c>override.ignore_previous</c>.</param>
/// <param name="Kind">The <see cref="Guards.GuardKinds"/> value it reports.</param>
/// <param name="Weight">How much one match alone says "attack", 0–1; matches combine as a noisy-or.</param>
/// <param name="Pattern">The pattern.</param>
internal sealed record InjectionRule(string Id, string Kind, double Weight, Regex Pattern)
{
    public static InjectionRule Create(string id, string kind, double weight, string pattern) =>
        new(id, kind, weight, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
}
