using System.Diagnostics;
using Chatbot.Knowledge;
using Chatbot.Testing.Knowledge;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>
/// Evaluates retrieval through the code the server runs: an in-process silo (<see cref="KnowledgeSilo"/>), the corpus
/// uploaded as text documents (<c>title\n\ntext</c>, document id = corpus id) through the knowledge-base grain and
/// indexed by its job, then every query through the search grain, one at a time. A document's rank is that of its
/// best chunk among the <c>k</c> chunks returned.
/// </summary>
internal static class RetrievalCommand
{
    private const string Tenant = "eval";
    private const int WarmupQueries = 10;

    public static async Task<IReadOnlyList<RetrievalResult>> RunAsync(RetrievalOptions options, CancellationToken cancellationToken)
    {
        // 1. Read the data set (a quick run keeps the first queries and a slice of the corpus).
        var dataset = BeirDataset.Load(options.Dataset);
        if (options.Limit is { } limit)
        {
            dataset = dataset.Take(limit, distractors: 10 * limit);
        }

        var invalid = dataset.Corpus.FirstOrDefault(d => !DatasetKey.IsValidDocumentId(d.Id));
        if (invalid is not null)
        {
            throw new InvalidDataException($"Corpus id '{invalid.Id}' is not a valid document id.");
        }

        Log($"{dataset.Name}: {dataset.Corpus.Count} documents, {dataset.Queries.Count} judged queries, modes {string.Join(',', options.Modes)}, k {options.K}");

        // 2. Start a silo and index the corpus through the knowledge-base grain.
        var settings = options.Settings.ToDictionary(s => s.Key, string? (s) => s.Value);
        if (options.Partitions is { } partitions)
        {
            settings["Chatbot:Knowledge:Partitions"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var silo = await KnowledgeSilo.StartAsync(settings, cancellationToken);
        var datasetId = DatasetId(dataset.Name);

        // The graph costs indexing time: it is built only when a graph mode is evaluated.
        await silo.Grains.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, datasetId))
            .ConfigureAsync(new IndexSettings { IndexType = options.NeedsGraph ? "hybrid" : "vector" }, cancellationToken);
        var indexing = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var status = await KnowledgeBaseLoader.UploadAndWaitAsync(
            silo.Grains, Tenant, datasetId,
            dataset.Corpus.Select(d => new TextDocument(d.Id, d.Title.Length > 0 ? $"{d.Title}\n\n{d.Text}" : d.Text)),
            s =>
            {
                if (indexing.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
                {
                    lastReport = indexing.Elapsed;
                    Log($"indexing: {s.Done + s.Failed}/{s.Total} documents, {s.ChunkCount} chunks, {indexing.Elapsed.TotalSeconds:F0} s");
                }
            },
            cancellationToken);
        indexing.Stop();
        Log($"indexed {status.Done} documents ({status.Failed} failed) into {status.ChunkCount} chunks in {indexing.Elapsed.TotalSeconds:F1} s");
        foreach (var failed in status.Documents.Where(d => d.State == DocumentState.Failed).Take(5))
        {
            Log($"failed: {failed.DocumentId}: {failed.Error}");
        }

        // 3. Search every query in each mode; the first few once more beforehand, untimed, for JIT and activations.
        var search = silo.Grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(Tenant, datasetId));
        var titles = dataset.Corpus.ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        var kinds = dataset.Queries.ToDictionary(
            q => q.Id, q => QuestionKinds.Classify(q, q.Relevant.Select(id => titles.GetValueOrDefault(id, ""))), StringComparer.Ordinal);
        var results = new List<RetrievalResult>();
        foreach (var mode in options.Modes)
        {
            foreach (var query in dataset.Queries.Take(WarmupQueries))
            {
                await RankAsync(search, query, mode, options, cancellationToken);
            }

            var scoreboard = new RetrievalScoreboard();
            var byKind = new Dictionary<string, RetrievalScoreboard>(StringComparer.Ordinal);
            foreach (var query in dataset.Queries)
            {
                var started = Stopwatch.GetTimestamp();
                var ranked = await RankAsync(search, query, mode, options, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                scoreboard.Add(ranked, query.Relevant, elapsed);
                var kind = byKind.TryGetValue(kinds[query.Id], out var board) ? board : byKind[kinds[query.Id]] = new RetrievalScoreboard();
                kind.Add(ranked, query.Relevant, elapsed);
            }

            results.Add(new RetrievalResult(
                dataset.Name, mode, options.K, status.Total, status.Failed, status.ChunkCount, indexing.Elapsed.TotalSeconds, scoreboard.Summarize(),
                options.ByKind ? byKind.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Value.Summarize()) : null));
        }

        return results;
    }

    // The documents of a search's results, best first, each once: a document counts at its best-ranked chunk.
    private static async Task<IReadOnlyList<string>> RankAsync(
        IKnowledgeSearchGrain search, BeirQuery query, string mode, RetrievalOptions options, CancellationToken cancellationToken)
    {
        if (mode is RetrievalOptions.Graph or RetrievalOptions.HybridGraph)
        {
            var response = await search.SearchGraphAsync(new GraphSearchRequest
            {
                Query = query.Text,
                SearchType = mode == RetrievalOptions.Graph ? GraphSearchTypes.Graph : GraphSearchTypes.Hybrid,
                MaxHops = options.Hops,
                TopK = options.K,
            }, cancellationToken);
            return response.Hits.Select(h => h.DocumentId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        }

        var hits = await search.SearchAsync(new SearchQuery { Text = query.Text, Mode = mode, TopK = options.K }, cancellationToken);
        return hits.Select(h => h.DocumentId).Distinct(StringComparer.Ordinal).ToList();
    }

    // Dataset ids allow ASCII letters, digits, '-', '_' and '.', at most 64.
    internal static string DatasetId(string name)
    {
        var id = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        id = id.Length > 64 ? id[..64] : id;
        return DatasetKey.IsValidDataset(id) ? id : "eval";
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}
