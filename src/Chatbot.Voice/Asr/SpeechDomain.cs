using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Voice.Asr;

/// <summary>
/// A tenant's language for recognition: the normalized sentences of its documents and past questions, from which
/// pocketsphinx builds a domain language model (and which OpenAI-compatible endpoints receive as a prompt). Equal
/// texts give an equal <see cref="Id"/>, so the model built for it is reused. Immutable and thread-safe.
/// </summary>
public sealed class SpeechDomain
{
    /// <summary>Default cap on the words kept from the texts (the first ones win).</summary>
    public const int DefaultMaxWords = 200_000;

    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', ':', '\n', '\r', '。', '！', '？', '；', '：'];

    private SpeechDomain(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        Sentences = sentences;
        Vocabulary = [.. sentences.SelectMany(s => s).GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
        var joined = string.Join('\n', sentences.Select(s => string.Join(' ', s)));
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>Sentences as <see cref="TranscriptWords"/>, in the order read.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sentences { get; }

    /// <summary>Distinct words, most frequent first.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>A stable 16-hex-digit identity of the normalized sentences.</summary>
    public string Id { get; }

    /// <summary>
    /// The domain of <paramref name="texts"/> (documents, FAQ entries, past questions), split into sentences at
    /// sentence punctuation and line breaks, keeping at most <paramref name="maxWords"/> words.
    /// </summary>
    public static SpeechDomain FromTexts(IEnumerable<string> texts, int maxWords = DefaultMaxWords)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, 1);
        var sentences = new List<IReadOnlyList<string>>();
        var words = 0;
        foreach (var text in texts)
        {
            foreach (var piece in text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries))
            {
                var sentence = TranscriptWords.Split(piece);
                if (sentence.Count == 0)
                {
                    continue;
                }

                if (words + sentence.Count > maxWords)
                {
                    return new SpeechDomain(sentences);
                }

                sentences.Add(sentence);
                words += sentence.Count;
            }
        }

        return new SpeechDomain(sentences);
    }
}
