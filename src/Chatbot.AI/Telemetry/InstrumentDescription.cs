namespace Chatbot.AI.Telemetry;

/// <summary>One instrument of <see cref="ChatbotInstruments"/>.</summary>
/// <param name="Name">OpenTelemetry name (dotted).</param>
/// <param name="Unit">UCUM unit; annotations in braces carry no unit.</param>
/// <param name="Kind">Instrument kind.</param>
public sealed record InstrumentDescription(string Name, string Unit, InstrumentKind Kind);
