// `make bench`: dotnet run --project tests/Chatbot.Benchmarks -c Release -- all
// Each scenario measures the platform against a baseline in the same run and reports ratios; see BenchSettings for options.
using Chatbot.Benchmarks;
using Chatbot.Benchmarks.Graph;
using Chatbot.Benchmarks.LoadTool;
using Chatbot.Benchmarks.Reporting;
using Chatbot.Benchmarks.Retrieval;
using Chatbot.Benchmarks.Streaming;
using Chatbot.Benchmarks.Voice;

IScenario[] scenarios = [new StreamingScenario(), new RetrievalScenario(), new GraphScenario(), new VoiceScenario(), new LoadScenario()];

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine($"usage: Chatbot.Benchmarks all | list | {string.Join(" | ", scenarios.Select(s => s.Name))} [--quick] [--profile] " +
        "[--concurrency 1,50,500] [--seconds 15] [--sync-model] [--slices 3] [--platform-storage embedded|none] [--turns-per-conversation 10] [--chunks 10000,100000] [--graph-edges 100000] [--graph-chunks 20000] [--voice-sessions 1,2,4,8,16,32] [--url URL] [--api-key KEY] [--idle 10000] [--held-turns 100] [--ws-sessions 1,20] [--idle-ws 1000] [--out DIR]");
    return 2;
}

if (settings.Scenarios.Contains("list"))
{
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"{scenario.Name,-12} {scenario.Summary}");
    }

    return 0;
}

var unknown = settings.Scenarios.Where(n => n != "all" && scenarios.All(s => s.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", scenarios.Select(s => s.Name))}.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var reports = new List<ScenarioReport>();
foreach (var scenario in scenarios.Where(s => settings.Scenarios.Contains("all") || settings.Scenarios.Contains(s.Name)))
{
    Progress.Write($"scenario {scenario.Name}: {scenario.Summary}");
    reports.Add(await scenario.RunAsync(settings, cancel.Token));
}

var path = await new ReportWriter(settings.OutputDirectory, TimeProvider.System).WriteAsync(reports, cancel.Token);
Progress.Write($"wrote {path} and latest.json");
return 0;
