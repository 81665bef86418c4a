namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// The pronunciations of a CMU-format dictionary (<c>word PH O NES</c>, variants as <c>word(2)</c>), read once, so a
/// domain model's small dictionary can be cut from it. Immutable after loading; thread-safe.
/// </summary>
internal sealed class PronunciationDictionary
{
    private readonly Dictionary<string, List<string>> _entries;

    private PronunciationDictionary(Dictionary<string, List<string>> entries) => _entries = entries;

    /// <summary>Words with at least one pronunciation.</summary>
    public int Count => _entries.Count;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static PronunciationDictionary Load(string path)
    {
        var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                continue;
            }

            var head = line[..space];
            var variant = head.IndexOf('(', StringComparison.Ordinal);
            var word = variant > 0 ? head[..variant] : head;
            if (!entries.TryGetValue(word, out var lines))
            {
                entries[word] = lines = [];
            }

            lines.Add(line);
        }

        return new PronunciationDictionary(entries);
    }

    /// <summary>True when <paramref name="word"/> (normalized, lower case) can be pronounced.</summary>
    public bool Contains(string word) => _entries.ContainsKey(word);

    /// <summary>The dictionary lines of <paramref name="words"/> (all their variants), for a decoder's <c>-dict</c>.</summary>
    public IEnumerable<string> LinesFor(IEnumerable<string> words) =>
        words.Distinct(StringComparer.Ordinal).Where(_entries.ContainsKey).SelectMany(w => _entries[w]);
}
