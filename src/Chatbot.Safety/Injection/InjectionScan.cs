using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Injection;

/// <summary>What the injection detector found: the combined score (0–1) and one finding per rule that fired.</summary>
/// <param name="Score">Combined score: 1 − Π(1 − weight) over the rules that fired.</param>
/// <param name="Findings">One finding per rule, strongest first.</param>
public sealed record InjectionScan(double Score, IReadOnlyList<GuardFinding> Findings)
{
    /// <summary>Nothing found.</summary>
    public static InjectionScan None { get; } = new(0, []);
}
