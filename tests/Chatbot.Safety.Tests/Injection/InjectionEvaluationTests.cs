using System.Globalization;
using System.Text.Json;
using Chatbot.Safety.Injection;
using Xunit;

namespace Chatbot.Safety.Tests.Injection;

/// <summary>
/// Recall and false-positive rate of the injection detector on the labelled set in Data/injection-eval.jsonl.
/// The "tuning" split is what the rules were written and corrected against, so the recall bound holds there and
/// guards against regressions; the "holdout" split was written afterwards and never tuned against, so its printed
/// figures are the honest estimate for phrasings the rules have not seen (see Data/README.md). The false-positive
/// bound holds on every split.
/// </summary>
public sealed class InjectionEvaluationTests(ITestOutputHelper output)
{
    private const double Threshold = 0.6; // GuardPolicy.InjectionThreshold's default

    private sealed record Example(string Id, string Split, string Label, string Lang, string Category, string Text);

    private sealed record Rates(int Attacks, int Benign, double Recall, double FalsePositiveRate);

    [Fact]
    public void Scan_LabelledSet_MeetsRecallAndFalsePositiveBounds()
    {
        var detector = new PromptInjectionDetector();
        var results = Load().Select(e => (Example: e, Flagged: detector.Scan(e.Text).Score >= Threshold)).ToList();

        var all = Report("all", results);
        var tuning = Report("tuning", results.Where(r => r.Example.Split == "tuning").ToList());
        var holdout = Report("holdout", results.Where(r => r.Example.Split == "holdout").ToList());
        foreach (var group in results.GroupBy(r => (r.Example.Label, r.Example.Lang)).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key.Label,-6} {group.Key.Lang,-5} flagged {group.Count(r => r.Flagged)}/{group.Count()}");
        }

        foreach (var (example, flagged) in results.Where(r => r.Flagged != (r.Example.Label == "attack")))
        {
            output.WriteLine($"  {(flagged ? "false+" : "missed")} {example.Id} [{example.Category}] {example.Text}");
        }

        Assert.True(all.Attacks >= 100 && all.Benign >= 100, "The set should keep at least 100 examples of each label.");
        Assert.True(holdout.Attacks >= 30 && holdout.Benign >= 30, "The held-out split should keep at least 30 examples of each label.");
        Assert.True(tuning.Recall >= 0.9, $"Recall on the tuning split {tuning.Recall:P1} is below 90%.");
        Assert.True(all.FalsePositiveRate <= 0.1, $"False-positive rate {all.FalsePositiveRate:P1} is above 10%.");
        Assert.True(holdout.FalsePositiveRate <= 0.1, $"False-positive rate on the held-out split {holdout.FalsePositiveRate:P1} is above 10%.");
    }

    private Rates Report(string name, List<(Example Example, bool Flagged)> results)
    {
        var attacks = results.Where(r => r.Example.Label == "attack").ToList();
        var benign = results.Where(r => r.Example.Label == "benign").ToList();
        var rates = new Rates(
            attacks.Count,
            benign.Count,
            (double)attacks.Count(r => r.Flagged) / Math.Max(1, attacks.Count),
            (double)benign.Count(r => r.Flagged) / Math.Max(1, benign.Count));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-8} {rates.Attacks} attacks, {rates.Benign} benign: recall {rates.Recall:P1}, false-positive rate {rates.FalsePositiveRate:P1} (threshold {Threshold})"));
        return rates;
    }

    private static List<Example> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "injection-eval.jsonl");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Example>(line, options)!)
            .ToList();
    }
}
