namespace Chatbot.Voice.Asr;

/// <summary>
/// Word error rate of a transcript: the fewest substitutions, deletions and insertions (Levenshtein distance over
/// <see cref="TranscriptWords"/>) turning the reference into the hypothesis, divided by the reference's length. Sums
/// over many utterances with <see cref="op_Addition"/> to give a corpus rate. Immutable.
/// </summary>
/// <param name="Errors">Edits needed.</param>
/// <param name="ReferenceWords">Words in the reference.</param>
public readonly record struct WordErrorRate(int Errors, int ReferenceWords)
{
    /// <summary>Errors per reference word (0 is perfect; may exceed 1 when the hypothesis adds many words).</summary>
    public double Rate => ReferenceWords == 0 ? (Errors == 0 ? 0 : 1) : (double)Errors / ReferenceWords;

    /// <summary>The error count of <paramref name="hypothesis"/> against <paramref name="reference"/>.</summary>
    public static WordErrorRate Measure(string reference, string hypothesis)
    {
        var expected = TranscriptWords.Split(reference);
        var actual = TranscriptWords.Split(hypothesis);
        var previous = new int[actual.Count + 1];
        var current = new int[actual.Count + 1];
        for (var j = 0; j <= actual.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= expected.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= actual.Count; j++)
            {
                var substitution = previous[j - 1] + (expected[i - 1] == actual[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return new WordErrorRate(previous[actual.Count], expected.Count);
    }

    /// <summary>The combined counts of two measurements.</summary>
    public static WordErrorRate operator +(WordErrorRate left, WordErrorRate right) =>
        new(left.Errors + right.Errors, left.ReferenceWords + right.ReferenceWords);

    /// <inheritdoc />
    public override string ToString() => $"{Rate:P1} ({Errors}/{ReferenceWords})";
}
