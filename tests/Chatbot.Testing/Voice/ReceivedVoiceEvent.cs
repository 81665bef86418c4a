using Chatbot.Voice;

namespace Chatbot.Testing.Voice;

/// <summary>A server message as a <see cref="VoiceClient"/> received it.</summary>
/// <param name="Event">The message.</param>
/// <param name="Uplink">How much audio the client had sent when it arrived (the client's stream time).</param>
/// <param name="ArrivedAt">When its last byte was read, as a <see cref="TimeProvider.System"/> timestamp (wall-clock latencies).</param>
public sealed record ReceivedVoiceEvent(VoiceEvent Event, TimeSpan Uplink, long ArrivedAt);
