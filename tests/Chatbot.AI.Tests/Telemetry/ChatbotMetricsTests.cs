using System.Diagnostics.Metrics;
using Chatbot.AI.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chatbot.AI.Tests.Telemetry;

public sealed class ChatbotMetricsTests
{
    [Fact]
    public void Constructor_CreatesExactlyTheListedInstruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var published = new List<Instrument>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == ChatbotMetrics.MeterName)
            {
                published.Add(instrument);
            }
        };
        listener.Start();

        _ = new ChatbotMetrics(services.GetRequiredService<IMeterFactory>());

        Assert.Equal(
            ChatbotInstruments.All.Select(i => (i.Name, i.Unit, i.Kind)).Order(),
            published.Select(i => (i.Name, i.Unit ?? "", KindOf(i))).Order());
    }

    [Fact]
    public void TokensUsed_RecordsInputAndOutputTaggedByTenantAndModel()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var recorded = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == ChatbotInstruments.ChatTokens)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => recorded.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var metrics = new ChatbotMetrics(services.GetRequiredService<IMeterFactory>());

        metrics.TokensUsed("acme", "gpt-x", inputTokens: 30, outputTokens: 12);

        Assert.Collection(recorded,
            input => Assert.Equal((30L, "acme", "gpt-x", "input"), (input.Value, input.Tags["tenant"], input.Tags["model"], input.Tags["type"])),
            output => Assert.Equal((12L, "acme", "gpt-x", "output"), (output.Value, output.Tags["tenant"], output.Tags["model"], output.Tags["type"])));
    }

    private static InstrumentKind KindOf(Instrument instrument) => instrument switch
    {
        Counter<long> => InstrumentKind.Counter,
        UpDownCounter<long> => InstrumentKind.UpDownCounter,
        Histogram<double> or Histogram<int> => InstrumentKind.Histogram,
        _ => throw new InvalidOperationException($"Unexpected instrument {instrument.GetType()}"),
    };
}
