using System.Globalization;

namespace Chatbot.Benchmarks;

/// <summary>
/// Command line: <c>all | list | &lt;scenario&gt;…</c> and options.
/// <list type="bullet">
/// <item><c>--quick</c>: short phases, a smoke test of the benchmark itself (figures are not comparable).</item>
/// <item><c>--profile</c>: also time the server's stages per turn (adds a little overhead to both servers).</item>
/// <item><c>--concurrency 1,50,500</c>: concurrent streams per phase.</item>
/// <item><c>--seconds N</c>: measured seconds of the highest-concurrency phase (the others scale from it).</item>
/// <item><c>--sync-model</c>: the model produces the whole answer synchronously instead of one continuation per token.</item>
/// <item><c>--slices N</c>: each server's measurement is cut in N slices alternating with the other server's (default 3).</item>
/// <item><c>--platform-storage embedded|none</c>: the platform's grain storage (default embedded, SQLite; none keeps nothing).</item>
/// <item><c>--turns-per-conversation N</c>: turns a client sends to one conversation before starting a new one.</item>
/// <item><c>--chunks 10000,100000</c>: knowledge-base sizes of the retrieval scenario.</item>
/// <item><c>--url URL</c>: the load scenario drives this deployment instead of a local instance it starts; <c>--api-key K</c> authenticates.</item>
/// <item><c>--idle N</c>: idle SSE connections the load scenario holds open at once (default 10,000); <c>--held-turns N</c>: running turns they follow (default 100).</item>
/// <item><c>--ws-sessions 1,20</c>: concurrent WebSocket voice sessions per level of the load scenario, each asking typed questions; <c>--idle-ws N</c>: voice sessions it holds open at once (default 1,000).</item>
/// <item><c>--graph-edges 100000</c>: edges of the graph scenario's traversal graph; <c>--graph-chunks 20000</c>: chunks it builds.</item>
/// <item><c>--out DIR</c>: where <c>latest.md</c>/<c>latest.json</c> go (default <c>artifacts/bench</c> under the repository root).</item>
/// </list>
/// </summary>
public sealed record BenchSettings
{
    /// <summary>Scenario names to run, or <c>all</c>, or <c>list</c>.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public bool Quick { get; init; }

    public bool Profile { get; init; }

    public bool SyncModel { get; init; }

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 50, 500];

    public double Seconds { get; init; } = 15;

    public int TurnsPerConversation { get; init; } = 10;

    public int Slices { get; init; } = 3;

    /// <summary>Knowledge-base sizes, in chunks, that the retrieval scenario measures.</summary>
    public IReadOnlyList<int> RetrievalChunks { get; init; } = [10_000, 100_000];

    /// <summary>Edges of the graph the graph scenario traverses.</summary>
    public int GraphEdges { get; init; } = 100_000;

    /// <summary>Chunks the graph scenario extracts a graph from (build throughput).</summary>
    public int GraphChunks { get; init; } = 20_000;

    /// <summary>The platform's grain storage: <c>embedded</c> (SQLite, the single-machine default) or <c>none</c>
    /// (writes nothing: what the rest of the platform costs without persistence).</summary>
    public string PlatformStorage { get; init; } = "embedded";

    /// <summary>The deployment the load scenario drives; null: a local single-machine instance it starts.</summary>
    public Uri? Url { get; init; }

    /// <summary>Bearer key for <see cref="Url"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Idle SSE connections the load scenario opens and holds at once.</summary>
    public int IdleConnections { get; init; } = 10_000;

    /// <summary>Running (held) turns the idle connections follow.</summary>
    public int HeldTurns { get; init; } = 100;

    /// <summary>Concurrent WebSocket voice sessions per level of the load scenario (<c>--ws-sessions</c>), each one turn after another.</summary>
    public IReadOnlyList<int> LoadVoiceSessions { get; init; } = [1, 20];

    /// <summary>Open, quiet WebSocket voice sessions the load scenario holds at once (<c>--idle-ws</c>).</summary>
    public int IdleVoiceSessions { get; init; } = 1_000;

    /// <summary>Concurrent voice sessions per level of the voice scenario (<c>--voice-sessions</c>); it stops at the first level past the goal.</summary>
    public IReadOnlyList<int> VoiceSessions { get; init; } = [1, 2, 4, 8, 16, 32];

    public string OutputDirectory { get; init; } = Path.Combine(RepositoryRoot(), "artifacts", "bench");

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings with { Quick = true },
                "--profile" => settings with { Profile = true },
                "--sync-model" => settings with { SyncModel = true },
                "--concurrency" => settings with { Concurrency = [.. Value(args, ref i).Split(',').Select(v => Positive(args[i - 1], v))] },
                "--seconds" => settings with { Seconds = Positive(args[i], Value(args, ref i)) },
                "--platform-storage" => settings with { PlatformStorage = Storage(Value(args, ref i)) },
                "--chunks" => settings with { RetrievalChunks = [.. Value(args, ref i).Split(',').Select(v => Positive(args[i - 1], v))] },
                "--voice-sessions" => settings with { VoiceSessions = [.. Value(args, ref i).Split(',').Select(v => Positive(args[i - 1], v))] },
                "--graph-edges" => settings with { GraphEdges = Positive(args[i], Value(args, ref i)) },
                "--graph-chunks" => settings with { GraphChunks = Positive(args[i], Value(args, ref i)) },
                "--slices" => settings with { Slices = Positive(args[i], Value(args, ref i)) },
                "--turns-per-conversation" => settings with { TurnsPerConversation = Positive(args[i], Value(args, ref i)) },
                "--url" => settings with { Url = AbsoluteUrl(Value(args, ref i)) },
                "--api-key" => settings with { ApiKey = Value(args, ref i) },
                "--idle" => settings with { IdleConnections = Positive(args[i], Value(args, ref i)) },
                "--held-turns" => settings with { HeldTurns = Positive(args[i], Value(args, ref i)) },
                "--ws-sessions" => settings with { LoadVoiceSessions = [.. Value(args, ref i).Split(',').Select(v => Positive(args[i - 1], v))] },
                "--idle-ws" => settings with { IdleVoiceSessions = Positive(args[i], Value(args, ref i)) },
                "--out" => settings with { OutputDirectory = Path.GetFullPath(Value(args, ref i)) },
                var option when option.StartsWith('-') => throw new ArgumentException($"Unknown option '{option}'."),
                var name => Add(settings, scenarios, name),
            };
        }

        return settings with
        {
            Scenarios = scenarios.Count == 0 ? ["all"] : scenarios,
            Slices = settings.Quick ? 1 : settings.Slices,
        };
    }

    /// <summary>Seconds to measure a phase with <paramref name="concurrency"/> streams; lower concurrency settles sooner.</summary>
    public TimeSpan MeasureFor(int concurrency) =>
        TimeSpan.FromSeconds((Quick ? 2 : Seconds) * (concurrency >= 100 ? 1.0 : 0.5));

    /// <summary>Warm-up before a slice: connections, JIT and activations before the first, the ramp-up of the load
    /// (all streams start at once) before the others.</summary>
    public TimeSpan WarmupFor(int concurrency, int slice) =>
        TimeSpan.FromSeconds(Quick ? 1 : (concurrency >= 100 ? 5 : 3) / (slice == 0 ? 1.0 : 2.5));

    private static BenchSettings Add(BenchSettings settings, List<string> scenarios, string name)
    {
        scenarios.Add(name);
        return settings;
    }

    private static string Storage(string value) => value is "embedded" or "none"
        ? value
        : throw new ArgumentException($"'--platform-storage' is 'embedded' or 'none', not '{value}'.");

    private static Uri AbsoluteUrl(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"'--url' needs an absolute http(s) URL, not '{value}'.");

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{option}' needs a positive integer, not '{value}'.");

    // `make bench` runs from the repository root; `dotnet run` from elsewhere still finds it from the binary's folder.
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
