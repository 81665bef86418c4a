using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chatbot.Benchmarks.Reporting;

/// <summary>Prints scenario reports and writes them to <c>latest.md</c> (Markdown) and <c>latest.json</c> (one line per scenario).</summary>
public sealed class ReportWriter(string directory, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions s_oneLine = new() { WriteIndented = false };

    /// <summary>Where the files go.</summary>
    public string Directory { get; } = directory;

    /// <summary>Prints <paramref name="reports"/> and writes both files; returns the path of the Markdown file.</summary>
    public async Task<string> WriteAsync(IReadOnlyList<ScenarioReport> reports, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var markdown = new StringBuilder()
            .Append("# Chatbot benchmarks\n\n")
            .Append($"{now:yyyy-MM-dd HH:mm:ss} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · ")
            .Append($".NET {Environment.Version} · server GC {System.Runtime.GCSettings.IsServerGC}\n\n");
        var json = new StringBuilder();
        foreach (var report in reports)
        {
            markdown.Append(report.Markdown).Append('\n');
            var line = new JsonObject { ["scenario"] = report.Scenario, ["at"] = now.ToString("O") };
            foreach (var (key, value) in report.Json)
            {
                line[key] = value?.DeepClone();
            }

            json.Append(line.ToJsonString(s_oneLine)).Append('\n');
        }

        Console.WriteLine(markdown.ToString());
        Console.Write(json.ToString());

        System.IO.Directory.CreateDirectory(Directory);
        var markdownPath = Path.Combine(Directory, "latest.md");
        await File.WriteAllTextAsync(markdownPath, markdown.ToString(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, "latest.json"), json.ToString(), cancellationToken);
        return markdownPath;
    }
}
