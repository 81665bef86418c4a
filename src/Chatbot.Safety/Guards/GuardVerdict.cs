namespace Chatbot.Safety.Guards;

/// <summary>
/// The outcome of inspecting one text: the action to take (the most severe any category asked for), every finding
/// that counted, and the text to use: sanitised when the action is <see cref="GuardAction.Sanitize"/>, the original
/// otherwise. Immutable.
/// </summary>
/// <param name="Action">What to do with the text.</param>
/// <param name="Findings">Detections that reached their category's threshold, by position.</param>
/// <param name="Text">The text to pass on (sanitised or original); do not pass it on when <see cref="IsBlocked"/>.</param>
/// <param name="Reason">Why the text is blocked or flagged, naming the categories; empty when allowed.</param>
public sealed record GuardVerdict(GuardAction Action, IReadOnlyList<GuardFinding> Findings, string Text, string Reason)
{
    /// <summary>True when the text must not be used.</summary>
    public bool IsBlocked => Action == GuardAction.Block;
}
