namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// Builds and keeps the language model and dictionary of each <see cref="SpeechDomain"/> as files named by its id, so
/// a domain is built once per machine. Words missing from the pronunciation dictionary (names, codes, numbers written
/// as digits) are dropped: the sentence is cut there, so no n-gram spans the gap, and the recognizer cannot produce
/// them. Thread-safe: concurrent builds of one domain write the same bytes and replace the files atomically.
/// </summary>
internal sealed class DomainModelStore
{
    private const string FormatVersion = "v1"; // part of file names: a change in how models are built rebuilds them

    private readonly Lazy<PronunciationDictionary> _dictionary;

    public DomainModelStore(PocketSphinxOptions options)
    {
        _dictionary = new(() => PronunciationDictionary.Load(options.DictionaryPath));
        Directory = options.ModelCacheDirectory ?? Path.Combine(Path.GetTempPath(), "chatbot-voice-models");
    }

    /// <summary>Where the files go.</summary>
    public string Directory { get; }

    /// <summary>The files of <paramref name="domain"/>, built now when missing. Blocking: run it off the caller's thread.</summary>
    /// <exception cref="InvalidOperationException">None of the domain's words can be pronounced.</exception>
    public DomainModelFiles GetOrBuild(SpeechDomain domain)
    {
        var dictionary = _dictionary.Value;
        var runs = new List<IReadOnlyList<string>>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in domain.Sentences.Concat(GeneralPhrases.All.Select(TranscriptWords.Split)))
        {
            var run = new List<string>();
            foreach (var word in sentence)
            {
                if (dictionary.Contains(word))
                {
                    run.Add(word);
                    continue;
                }

                dropped.Add(word);
                AddRun(runs, ref run);
            }

            AddRun(runs, ref run);
        }

        var words = runs.SelectMany(r => r).Distinct(StringComparer.Ordinal).ToList();
        var files = new DomainModelFiles(
            Path.Combine(Directory, $"{domain.Id}.{FormatVersion}.lm"), Path.Combine(Directory, $"{domain.Id}.{FormatVersion}.dic"), words.Count, dropped.Count);
        if (File.Exists(files.LanguageModelPath) && File.Exists(files.DictionaryPath))
        {
            return files;
        }

        System.IO.Directory.CreateDirectory(Directory);
        WriteAtomically(files.DictionaryPath, string.Join('\n', dictionary.LinesFor(words)) + "\n");
        WriteAtomically(files.LanguageModelPath, ArpaLanguageModel.Build(runs)); // last: its presence marks a complete pair
        return files;
    }

    private static void AddRun(List<IReadOnlyList<string>> runs, ref List<string> run)
    {
        if (run.Count > 0)
        {
            runs.Add(run);
            run = [];
        }
    }

    private static void WriteAtomically(string path, string contents)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }
}
