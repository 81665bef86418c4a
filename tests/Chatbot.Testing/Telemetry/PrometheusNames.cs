using Chatbot.AI.Telemetry;

namespace Chatbot.Testing.Telemetry;

/// <summary>
/// The series names OpenTelemetry's Prometheus exporter writes for an instrument: dots become underscores, the unit
/// adds a suffix (<c>s</c> → <c>_seconds</c>; annotations in braces add none), counters end in <c>_total</c>, and a
/// histogram is three series.
/// </summary>
public static class PrometheusNames
{
    /// <summary>The series of <paramref name="instrument"/>.</summary>
    public static IReadOnlyList<string> SeriesOf(InstrumentDescription instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = instrument.Name.Replace('.', '_') + UnitSuffix(instrument.Unit);
        return instrument.Kind switch
        {
            InstrumentKind.Counter => [name + "_total"],
            InstrumentKind.UpDownCounter => [name],
            _ => [name + "_bucket", name + "_sum", name + "_count"],
        };
    }

    private static string UnitSuffix(string unit) => unit switch
    {
        "" => "",
        "s" => "_seconds",
        "ms" => "_milliseconds",
        "By" => "_bytes",
        "1" => "_ratio",
        _ when unit.StartsWith('{') => "",
        _ => "_" + unit,
    };
}
