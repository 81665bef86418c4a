using System.Globalization;
using System.Text.Json;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>A corpus document of a BEIR-style data set.</summary>
internal sealed record BeirDocument(string Id, string Title, string Text);

/// <summary>A query with the corpus ids judged relevant to it (qrels score &gt; 0) and its answers, when the file gives them.</summary>
internal sealed record BeirQuery(string Id, string Text, IReadOnlySet<string> Relevant, IReadOnlyList<string>? Answers = null);

/// <summary>
/// A BEIR-style folder: <c>corpus.jsonl</c> (<c>_id</c>, optional <c>title</c>, <c>text</c>), <c>queries.jsonl</c>
/// (<c>_id</c>, <c>text</c>, optional <c>answers</c> array of strings; other fields ignored) and qrels in <c>qrels/test.tsv</c>, <c>qrels_test.tsv</c> or
/// <c>qrels.tsv</c> (the first found): tab-separated query-id, corpus-id, score, with an optional header line.
/// Only queries with at least one relevant document are kept, in file order, as BEIR evaluates them.
/// </summary>
internal sealed record BeirDataset(string Name, IReadOnlyList<BeirDocument> Corpus, IReadOnlyList<BeirQuery> Queries)
{
    /// <summary>Where qrels are looked for, in order.</summary>
    public static IReadOnlyList<string> QrelsPaths { get; } = [Path.Combine("qrels", "test.tsv"), "qrels_test.tsv", "qrels.tsv"];

    /// <summary>Reads the folder; throws <see cref="InvalidDataException"/> naming the file and line at fault.</summary>
    public static BeirDataset Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Data set folder '{directory}' does not exist.");
        }

        var qrelsPath = QrelsPaths.Select(p => Path.Combine(directory, p)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No qrels in '{directory}' (looked for {string.Join(", ", QrelsPaths)}).");
        var qrels = ReadQrels(qrelsPath);
        var corpus = ReadJsonLines(Path.Combine(directory, "corpus.jsonl"),
            e => new BeirDocument(Text(e, "_id"), OptionalText(e, "title"), Text(e, "text")));
        var queries = ReadJsonLines(Path.Combine(directory, "queries.jsonl"), e => (Id: Text(e, "_id"), Text: Text(e, "text"), Answers: Answers(e)))
            .Where(q => qrels.ContainsKey(q.Id))
            .Select(q => new BeirQuery(q.Id, q.Text, qrels[q.Id], q.Answers))
            .ToList();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return new BeirDataset(name, corpus, queries);
    }

    /// <summary>
    /// The first <paramref name="queries"/> queries over the documents they judge plus the first
    /// <paramref name="distractors"/> others of the corpus, in corpus order: a quick run, not comparable with a full one.
    /// </summary>
    public BeirDataset Take(int queries, int distractors)
    {
        var kept = Queries.Take(queries).ToList();
        var judged = kept.SelectMany(q => q.Relevant).ToHashSet(StringComparer.Ordinal);
        var others = 0;
        var corpus = Corpus.Where(d => judged.Contains(d.Id) || others++ < distractors).ToList();
        return this with { Corpus = corpus, Queries = kept };
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadQrels(string path)
    {
        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                throw new InvalidDataException($"{path}:{number}: expected query-id, corpus-id and score separated by tabs.");
            }

            if (!double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                if (number == 1)
                {
                    continue;  // header (query-id corpus-id score)
                }

                throw new InvalidDataException($"{path}:{number}: score '{columns[2]}' is not a number.");
            }

            if (score > 0)
            {
                var set = relevant.TryGetValue(columns[0], out var s) ? s : relevant[columns[0]] = new HashSet<string>(StringComparer.Ordinal);
                set.Add(columns[1]);
            }
        }

        return relevant.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    private static List<T> ReadJsonLines<T>(string path, Func<JsonElement, T> read)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                items.Add(read(json.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}", ex);
            }
        }

        return items;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new KeyNotFoundException($"'{property}' is missing or not a string.");

    private static IReadOnlyList<string>? Answers(JsonElement element) =>
        element.TryGetProperty("answers", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
            : null;

    private static string OptionalText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
