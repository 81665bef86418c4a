using System.Globalization;
using Chatbot.Knowledge;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>Options of the <c>retrieval</c> command.</summary>
internal sealed record RetrievalOptions
{
    public const string Usage =
        "usage: Chatbot.Evaluation retrieval --dataset DIR [--mode bm25|dense|hybrid|graph|hybrid+graph[,...]] [--k 10] [--hops 2] " +
        "[--by-kind] [--limit N] [--partitions N] [--set Chatbot:Section:Key=value ...]";

    /// <summary>Graph traversal only (<c>POST /api/v1/search/graph</c> with <c>search_type</c> graph).</summary>
    public const string Graph = "graph";

    /// <summary>Vector, BM25 and graph routes fused and reranked (<c>search_type</c> hybrid of the graph search).</summary>
    public const string HybridGraph = "hybrid+graph";

    /// <summary>Every mode the command evaluates.</summary>
    public static IReadOnlyList<string> KnownModes { get; } = [SearchModes.Bm25, SearchModes.Dense, SearchModes.Hybrid, Graph, HybridGraph];

    /// <summary>BEIR-style folder: <c>corpus.jsonl</c>, <c>queries.jsonl</c> and qrels.</summary>
    public required string Dataset { get; init; }

    /// <summary>Modes (<see cref="KnownModes"/>) to evaluate over one index, each printed on its own line.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [SearchModes.Hybrid];

    /// <summary>Results asked of each search (<c>top_k</c>).</summary>
    public int K { get; init; } = 10;

    /// <summary>Most edges a graph path may take in the graph modes (1–5).</summary>
    public int Hops { get; init; } = 2;

    /// <summary>Also report recall per HotpotQA question kind (<see cref="QuestionKinds"/>: bridge, comparison).</summary>
    public bool ByKind { get; init; }

    /// <summary>Whether a mode needs the dataset's graph (it is only built then).</summary>
    public bool NeedsGraph => Modes.Any(m => m is Graph or HybridGraph);

    /// <summary>Only the first N judged queries, over a corpus cut to what they judge plus 10×N other documents.</summary>
    public int? Limit { get; init; }

    /// <summary>Server settings to override, as the server's own configuration keys (for tuning, e.g. fusion weights).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Partitions of the dataset; the server's default when not set.</summary>
    public int? Partitions { get; init; }

    /// <summary>Parses the arguments after <c>retrieval</c>; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static RetrievalOptions Parse(IReadOnlyList<string> args)
    {
        string? dataset = null;
        var options = new RetrievalOptions { Dataset = "" };
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--dataset":
                    dataset = Value(args, ref i);
                    break;
                case "--mode":
                    var modes = Value(args, ref i).Split(',');
                    options = modes.All(KnownModes.Contains)
                        ? options with { Modes = modes }
                        : throw new ArgumentException($"'--mode' is {string.Join(", ", KnownModes)} (or several, comma-separated), not '{args[i]}'.");
                    break;
                case "--k":
                    options = options with { K = Positive("--k", Value(args, ref i)) };
                    break;
                case "--set":
                    var setting = Value(args, ref i).Split('=', 2);
                    options = setting.Length == 2 && setting[0].StartsWith("Chatbot:", StringComparison.Ordinal)
                        ? options with { Settings = new Dictionary<string, string>(options.Settings) { [setting[0]] = setting[1] } }
                        : throw new ArgumentException($"'--set' needs Chatbot:Section:Key=value, not '{args[i]}'.");
                    break;
                case "--by-kind":
                    options = options with { ByKind = true };
                    break;
                case "--hops":
                    var hops = Positive("--hops", Value(args, ref i));
                    options = hops <= 5 ? options with { Hops = hops } : throw new ArgumentException($"'--hops' is 1 to 5, not '{hops}'.");
                    break;
                case "--limit":
                    options = options with { Limit = Positive("--limit", Value(args, ref i)) };
                    break;
                case "--partitions":
                    options = options with { Partitions = Positive("--partitions", Value(args, ref i)) };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return dataset is null
            ? throw new ArgumentException("'--dataset DIR' is required.")
            : options with { Dataset = dataset };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{option}' needs a positive integer, not '{value}'.");
}
