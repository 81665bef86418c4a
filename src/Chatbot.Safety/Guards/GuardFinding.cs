namespace Chatbot.Safety.Guards;

/// <summary>A range of UTF-16 chars in the inspected text.</summary>
/// <param name="Start">Index of the first char.</param>
/// <param name="Length">Number of chars.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last char.</summary>
    public int End => Start + Length;

    /// <summary>True when the two spans share a char.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The spanned text of <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// One detection: what was found (<see cref="GuardKinds"/>), where in the inspected text, and how confident the
/// detector is (0–1). <paramref name="Rule"/> names the pattern or validator that fired, for audits and tuning.
/// Immutable.
/// </summary>
/// <param name="Kind">What was found, one of <see cref="GuardKinds"/>.</param>
/// <param name="Span">Where, in the inspected text (for an encoded payload: the encoded run).</param>
/// <param name="Score">Confidence, 0–1.</param>
/// <param name="Rule">The rule that fired, e.g. <c>override.ignore_previous</c> or <c>luhn</c>.</param>
public sealed record GuardFinding(string Kind, TextSpan Span, double Score, string Rule)
{
    /// <summary>The category whose policy decides what happens, derived from <see cref="Kind"/>.</summary>
    public GuardCategory Category => GuardKinds.CategoryOf(Kind);
}
