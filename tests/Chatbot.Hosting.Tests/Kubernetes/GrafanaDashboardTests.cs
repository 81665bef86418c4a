using System.Text.Json;
using Chatbot.AI.Telemetry;
using Chatbot.Testing.Telemetry;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>
/// The Grafana dashboards in <c>k8s/dashboards</c> query only metrics the platform exports: those a real scrape shows
/// after a chat turn, plus the instruments of <see cref="ChatbotInstruments"/> that need voice or indexing activity to
/// appear.
/// </summary>
public sealed class GrafanaDashboardTests(ChatScrapeFixture chat) : IClassFixture<ChatScrapeFixture>
{
    private static readonly string Folder = Path.Combine(KubernetesManifests.Load().Root, "dashboards");

    public static TheoryData<string> Dashboards => new("voice-metrics.json", "rag-performance.json", "cost-analysis.json");

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryQueryReadsAnExportedMetric(string file)
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var exported = chat.Scrape.SeriesNames.Concat(ChatbotInstruments.All.SelectMany(PrometheusNames.SeriesOf)).ToHashSet(StringComparer.Ordinal);
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.False(string.IsNullOrEmpty(dashboard.RootElement.GetProperty("uid").GetString()));
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            var expressions = panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList();
            Assert.NotEmpty(expressions);
            foreach (var expression in expressions)
            {
                var metrics = PromQl.MetricNames(expression);
                Assert.True(metrics.Count > 0, $"{file}, panel '{title}': no metric in {expression}");
                Assert.All(metrics, m => Assert.True(exported.Contains(m), $"{file}, panel '{title}' queries {m}, which nothing exports."));
            }
        }
    }

    [Fact]
    public void PrometheusNames_OfInstrumentsThatRecorded_AreTheSeriesTheExporterWrote()
    {
        var recorded = new[] { ChatbotInstruments.ChatTurns, ChatbotInstruments.ChatTokens, ChatbotInstruments.ChatTimeToFirstToken, ChatbotInstruments.SearchDuration };

        foreach (var instrument in ChatbotInstruments.All.Where(i => recorded.Contains(i.Name)))
        {
            Assert.All(PrometheusNames.SeriesOf(instrument), series => Assert.Contains(series, chat.Scrape.SeriesNames));
        }
    }

    [Fact]
    public void PromQl_MetricNames_SkipsFunctionsLabelsRangesAndVariables() =>
        Assert.Equal(
            ["chatbot_chat_tokens_total", "chatbot_chat_turns_total"],
            PromQl.MetricNames("sum by (tenant) (increase(chatbot_chat_tokens_total{type=\"input\"}[$__range])) / 1e6 * $input_price"
                + " / clamp_min(sum(rate(chatbot_chat_turns_total[5m])), 1e-9)").Order(StringComparer.Ordinal));
}
