namespace Chatbot.AI.Telemetry;

/// <summary>Kinds of <see cref="InstrumentDescription"/>.</summary>
public enum InstrumentKind
{
    /// <summary>Monotonic sum.</summary>
    Counter,

    /// <summary>Sum that goes up and down (a gauge in Prometheus).</summary>
    UpDownCounter,

    /// <summary>Distribution.</summary>
    Histogram,
}
