using System.Diagnostics;
using System.Net.WebSockets;
using Chatbot.Benchmarks.Load;
using Chatbot.Testing.Voice;
using Chatbot.Voice;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// One load worker's voice sessions on <c>/api/v1/voice/stream</c>: a session (and conversation) is started on the
/// first turn and again after every <paramref name="turnsPerSession"/> turns or a failure; each turn types
/// <see cref="LoadTarget.VoiceQuestion"/> (<c>text</c>, so the server needs no recognizer for it while the WebSocket, the
/// voice session grain, the model and speech synthesis all work) and reads the answer's events up to <c>done</c>,
/// stamping the first <c>llm_delta</c>, the gaps between them and the first <c>tts_chunk</c>. Not thread-safe: one
/// worker's turns come one after another.
/// </summary>
internal sealed class VoiceTurnClient(LoadTarget target, string conversationPrefix, int turnsPerSession, VoiceTurnTimes times) : IAsyncDisposable
{
    private VoiceClient? _session;
    private int _sessions;
    private int _turns;

    /// <summary>Runs one turn; <paramref name="onToken"/> is called as each <c>llm_delta</c> arrives.</summary>
    public async Task<TurnSample> RunTurnAsync(Action onToken, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // 1. A session: a new one every turnsPerSession turns, or after the last one failed.
            if (_session is null || _turns == turnsPerSession)
            {
                await CloseAsync();
                _session = await target.StartVoiceSessionAsync($"{conversationPrefix}-{_sessions++}", cancellationToken);
                times.SessionStarts.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            // 2. The typed question, then its answer's events to `done`.
            var session = _session;
            session.Received.Clear();
            _turns++;
            started = Stopwatch.GetTimestamp();
            await session.SendJsonAsync(new { type = "text", text = LoadTarget.VoiceQuestion }, cancellationToken);
            var (deltas, firstDelta, lastDelta, firstAudio) = (0, 0L, 0L, 0L);
            var gaps = new List<double>();
            while (true)
            {
                var received = await session.NextAsync(cancellationToken);
                var at = received.ArrivedAt;
                switch (received.Event.Type)
                {
                    case VoiceEventTypes.LlmDelta:
                        if (deltas++ == 0)
                        {
                            firstDelta = at;
                        }
                        else
                        {
                            gaps.Add(Stopwatch.GetElapsedTime(lastDelta, at).TotalMilliseconds);
                        }

                        lastDelta = at;
                        onToken();
                        break;
                    case VoiceEventTypes.TtsChunk when firstAudio == 0:
                        firstAudio = at;
                        break;
                    case VoiceEventTypes.Error or VoiceEventTypes.Interrupted:
                        await CloseAsync(); // what else it sends belongs to this turn: the next one starts afresh
                        return TurnSample.Failed(started, $"{received.Event.Type}: {received.Event.Code} {received.Event.Message}".TrimEnd());
                    case VoiceEventTypes.Done when deltas == 0 || firstAudio == 0:
                        return TurnSample.Failed(started, $"done after {deltas} llm_delta(s) and {(firstAudio == 0 ? "no" : "some")} audio");
                    case VoiceEventTypes.Done:
                        times.Gaps.Add(started, gaps);
                        times.FirstAudio.Add(started, Stopwatch.GetElapsedTime(started, firstAudio).TotalMilliseconds);
                        return new TurnSample(started, firstDelta, at, deltas, null);
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException)
        {
            // A refused upgrade, a session that did not start, or a socket that closed during the turn.
            await CloseAsync();
            return TurnSample.Failed(started, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task CloseAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            _turns = 0;
            await session.DisposeAsync();
        }
    }
}

/// <summary>What the voice turns of one level measured besides their <see cref="TurnSample"/>s. Thread-safe.</summary>
internal sealed class VoiceTurnTimes
{
    /// <summary>Gaps between consecutive <c>llm_delta</c>s of successful turns.</summary>
    public TokenGaps Gaps { get; } = new();

    /// <summary>Question sent → first <c>tts_chunk</c>, of successful turns.</summary>
    public WindowedSamples FirstAudio { get; } = new();

    /// <summary>Connect → <c>ready</c> of every session started in the level, warm-up included (ms).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<double> SessionStarts { get; } = new();
}
