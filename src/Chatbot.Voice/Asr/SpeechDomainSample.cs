namespace Chatbot.Voice.Asr;

/// <summary>
/// Collects texts for a <see cref="SpeechDomain"/> up to a budget of words: a text that does not fit whole is cut to
/// the words left. Not thread-safe: one per collection.
/// </summary>
public sealed class SpeechDomainSample(int maxWords)
{
    private readonly List<string> _texts = [];

    /// <summary>The texts collected, in order.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>Words collected so far.</summary>
    public int Words { get; private set; }

    /// <summary>True once the budget is used up.</summary>
    public bool IsFull => Words >= maxWords;

    /// <summary>Adds <paramref name="text"/>, or as many of its first words as fit (at most <paramref name="maxWordsOfText"/>); false once full.</summary>
    public bool Add(string text, int maxWordsOfText = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFull)
        {
            return false;
        }

        var words = TranscriptWords.Split(text);
        var take = Math.Min(words.Count, Math.Min(maxWordsOfText, maxWords - Words));
        if (take > 0)
        {
            _texts.Add(take == words.Count ? text : string.Join(' ', words.Take(take)));
            Words += take;
        }

        return !IsFull;
    }
}
