using System.Threading.Channels;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Vad;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// One voice session's logic, without Orleans: the client's audio payloads go in, the session's events
/// (<see cref="VoiceEventTypes"/>) come out of <see cref="Events"/>.
/// <list type="number">
/// <item>Each payload is decoded into 16 kHz frames; each frame goes through voice activity detection. Speech that
/// lasts <see cref="VadOptions.MinSpeechMs"/> starts an utterance, recognized from its onset (the frames since are
/// replayed) on a loop of its own, with <c>asr_partial</c>s; <see cref="VadOptions.MinSilenceMs"/> of silence ends it,
/// and its final transcript (<c>asr_final</c>) becomes a question.</item>
/// <item>Questions (transcripts and typed <c>text</c>) are asked in order through the <see cref="IVoiceAnswerer"/>;
/// the answer streams as <c>llm_delta</c>s, each sentence is synthesized as soon as it ends, and its audio goes out as
/// <c>tts_chunk</c>s paced to playback, then <c>done</c>.</item>
/// <item>Barge-in: speech that starts while an answer plays interrupts it (<c>interrupted</c> with how much was played;
/// synthesis and generation stop). From the first loud frame until the detector decides (speech, or a burst shorter
/// than <see cref="VadOptions.MinSpeechMs"/> followed by <see cref="VadOptions.MaxOnsetGapMs"/> of quiet), audio
/// output is held, so no chunk of an answer that is then interrupted follows the speech onset; a burst releases it. An interruption whose transcript is empty resumes the answer from the sentence that
/// was playing (with the text written before the stop).</item>
/// </list>
/// Thread-safe: audio, text and end of input may come from any thread, one call at a time each; the session's state
/// changes under one lock, never held across an await. Memory is bounded: an utterance is cut at
/// <see cref="VoicePipelineOptions.MaxUtterance"/>, the onset history and the event queue are capped.
/// </summary>
public sealed partial class VoicePipeline : IAnswerOutput, IAsyncDisposable
{
    private static readonly TimeSpan Frame = AudioFormat.FrameDuration;

    private readonly Lock _sync = new();
    private readonly VoicePipelineOptions _options;
    private readonly ISpeechRecognizer _recognizer;
    private readonly ISpeechSynthesizer _synthesizer;
    private readonly IVoiceAnswerer _answerer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly VoiceMetrics? _metrics;
    private readonly InboundAudio _inbound;
    private readonly VoiceActivityDetector? _vad;
    private readonly FrameHistory _history;
    private readonly Channel<VoiceEvent> _events = Channel.CreateUnbounded<VoiceEvent>(); // not single-reader: that one cannot count
    private readonly Channel<Turn> _turns = Channel.CreateUnbounded<Turn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly int _maxUtteranceFrames;
    private Task _turnLoop = Task.CompletedTask;
    private Utterance? _utterance;
    private SpokenAnswer? _answer;
    private SpokenAnswer? _interrupted; // interrupted by the utterance being spoken: resumed if it holds no words
    private TaskCompletionSource? _hold;
    private TimeSpan? _lastLoudEnd;
    private long _frames;
    private int _utterances;
    private int _questions;
    private long _chunkSeq;
    private bool _inputComplete;
    private bool _closed;

    /// <summary>A session with <paramref name="options"/>, recognizing, speaking and answering with the given engines.</summary>
    public VoicePipeline(
        VoicePipelineOptions options, ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer, IVoiceAnswerer answerer,
        TimeProvider timeProvider, ILogger? logger = null, VoiceMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _recognizer = recognizer;
        _synthesizer = synthesizer;
        _answerer = answerer;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics;
        _inbound = new InboundAudio(options.Format);
        _vad = options.Vad is { } vad ? new VoiceActivityDetector(vad) : null;
        _history = new FrameHistory(TimeSpan.FromMilliseconds((options.Vad?.MinSpeechMs ?? 0) + 2_000) + options.Preroll);
        _maxUtteranceFrames = Math.Max(1, (int)(options.MaxUtterance / Frame));
    }

    /// <summary>
    /// The session's events in order, ending after the end of input was handled (<see cref="CompleteInput"/>) or the
    /// session was closed. One reader.
    /// </summary>
    public ChannelReader<VoiceEvent> Events => _events.Reader;

    /// <summary>Received audio so far: the session's clock.</summary>
    public TimeSpan Position => Frame * Interlocked.Read(ref _frames);

    private long PositionMs => (long)Position.TotalMilliseconds;

    /// <summary>
    /// Readies the engines (a first domain builds its language model, decoders load), so the first utterance is not
    /// delayed by it, and starts answering questions.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (await _recognizer.StartAsync(_options.Recognition, cancellationToken))
        {
            // Opened and closed: the models are loaded and a decoder is pooled for the first utterance.
        }

        _turnLoop = AnswerTurnsAsync(_closing.Token);
    }

    /// <summary>
    /// Takes the client's next audio payload (one Opus packet, or PCM16 bytes). Returns without waiting for
    /// recognition; an invalid payload yields an <c>invalid_audio</c> error event and is dropped.
    /// </summary>
    public void PushAudio(ReadOnlySpan<byte> payload)
    {
        var arrived = _time.GetTimestamp();
        lock (_sync)
        {
            if (_inputComplete || _closed)
            {
                return;
            }

            IReadOnlyList<short[]> frames;
            try
            {
                frames = _inbound.Push(payload);
            }
            catch (InvalidDataException ex)
            {
                Emit(VoiceEvent.Failure(VoiceErrorCodes.InvalidAudio, ex.Message, "chunk", PositionMs));
                return;
            }

            foreach (var frame in frames)
            {
                if (!OnFrame(frame, arrived))
                {
                    _metrics?.Frame.Record(_time.GetElapsedTime(arrived).TotalMilliseconds);
                }
            }
        }
    }

    /// <summary>A typed question: interrupts the answer being spoken, if any, then is asked like a transcript.</summary>
    public void SubmitText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (_sync)
        {
            if (_inputComplete || _closed)
            {
                return;
            }

            InterruptAnswer(onset: null);
            _interrupted = null;
            _turns.Writer.TryWrite(new Turn(null, text, null));
        }
    }

    /// <summary>
    /// End of input: the utterance being spoken ends here and is answered, the last answer is spoken to its end, then
    /// <see cref="Events"/> completes. Later audio and text are ignored.
    /// </summary>
    public void CompleteInput()
    {
        lock (_sync)
        {
            if (_inputComplete || _closed)
            {
                return;
            }

            _inputComplete = true;
            if (_utterance is { } utterance)
            {
                EndUtterance(utterance, Position, _time.GetTimestamp());
            }

            _turns.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Ends the session now: speech stops, recognition is abandoned, <see cref="Events"/> completes. An answer still
    /// being generated is not stopped (it completes in its conversation). Idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_sync)
        {
            if (!_closed)
            {
                _closed = true;
                _utterance?.Abandon();
                _utterance = null;
                ReleaseHold();
                _turns.Writer.TryComplete();
                _events.Writer.TryComplete();
                _closing.Cancel();
            }

            pending = [_turnLoop, _answer?.Completion ?? Task.CompletedTask];
        }

        await Task.WhenAll(pending.Select(Quietly));
        _closing.Dispose();
    }

    // ---- the audio path (under _sync) ----

    // One 20 ms frame; true when it went to the recognizer (which records its latency once written).
    private bool OnFrame(short[] frame, long arrived)
    {
        Interlocked.Increment(ref _frames);
        _history.Add(frame);
        if (_vad is null)
        {
            // Without detection, everything until the end of input is one utterance.
            if (_utterance is null)
            {
                _utterance = StartUtterance(Position - Frame, []);
            }

            return WriteOrCut(frame, arrived);
        }

        var change = _vad.Process(frame);
        var toRecognizer = false;
        switch (change)
        {
            case SpeechStarted started:
                OnSpeechStarted(started, arrived);
                toRecognizer = true;
                break;
            case SpeechEnded ended:
                if (_utterance is { } utterance)
                {
                    utterance.Write(frame);
                    EndUtterance(utterance, ended.LastVoiced, arrived);
                }

                break;
            default:
                if (_utterance is null && _vad.IsSpeaking)
                {
                    _utterance = StartUtterance(Position - Frame, [frame]); // speech went on past a cut utterance
                    toRecognizer = true;
                }
                else if (_utterance is not null)
                {
                    toRecognizer = WriteOrCut(frame, arrived);
                }

                break;
        }

        UpdateHold();
        return toRecognizer;
    }

    private void OnSpeechStarted(SpeechStarted started, long arrived)
    {
        // 1. Barge-in: the user speaks over the answer.
        if (_answer is { IsOver: false } answer)
        {
            InterruptAnswer(started.Onset);
            _interrupted = answer;
            _metrics?.BargeIn.Record(_time.GetElapsedTime(arrived).TotalMilliseconds);
        }
        else
        {
            _interrupted = null;
        }

        // 2. Recognize from the onset: the frames since then (and a little before) were only kept in the history.
        _utterance?.Abandon(); // cannot happen with the detector's alternation, kept for safety
        var onset = started.Onset - _options.Preroll;
        _utterance = StartUtterance(started.Onset, _history.Since(onset > TimeSpan.Zero ? onset : TimeSpan.Zero));
    }

    private Utterance StartUtterance(TimeSpan onset, IReadOnlyList<short[]> frames)
    {
        var utterance = new Utterance(
            ++_utterances, onset, _maxUtteranceFrames, _recognizer, _options.Recognition, _time, OnPartial,
            _metrics is { } metrics ? lag => metrics.Frame.Record(lag.TotalMilliseconds) : null, _closing.Token);
        foreach (var frame in frames)
        {
            utterance.Write(frame);
        }

        return utterance;
    }

    private bool WriteOrCut(short[] frame, long arrived)
    {
        var utterance = _utterance!;
        var written = utterance.Write(frame);
        if (utterance.IsFull)
        {
            // An utterance as long as the recognizer's buffer: end it as if the speaker paused; speech that goes on
            // starts the next one.
            EndUtterance(utterance, Position, arrived);
        }

        return written;
    }

    private void EndUtterance(Utterance utterance, TimeSpan lastVoiced, long decidedAt)
    {
        utterance.End(lastVoiced);
        _utterance = null;
        _turns.Writer.TryWrite(new Turn(utterance, null, _interrupted) { DecidedAt = decidedAt });
        _interrupted = null;
    }

    // Partials come before their utterance's final: the final awaits the loop that reports them.
    private void OnPartial(Utterance utterance, string text)
    {
        lock (_sync)
        {
            Emit(new VoiceEvent { Type = VoiceEventTypes.AsrPartial, Text = text, AtMs = PositionMs });
        }
    }

    // While a possible barge-in is too short to tell, the answer holds its audio: from the first loud frame (voiced or
    // not: words may start unvoiced) until the detector has either started speech or seen MaxOnsetGapMs of quiet.
    private void UpdateHold()
    {
        if (_vad!.LastFrameLoud)
        {
            _lastLoudEnd = Position;
        }

        var recentlyLoud = _lastLoudEnd is { } loud && (Position - loud).TotalMilliseconds <= _options.Vad!.MaxOnsetGapMs;
        var hold = (_vad.PendingOnset is not null || (recentlyLoud && !_vad.IsSpeaking)) && _answer is { IsOver: false };
        if (hold && _hold is null)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        else if (!hold)
        {
            ReleaseHold();
        }
    }

    private void ReleaseHold()
    {
        _hold?.TrySetResult();
        _hold = null;
    }

    private void InterruptAnswer(TimeSpan? onset)
    {
        if (_answer is not { IsOver: false } answer)
        {
            return;
        }

        answer.Interrupt();
        answer.IsOver = true;
        ReleaseHold();
        Emit(new VoiceEvent
        {
            Type = VoiceEventTypes.Interrupted,
            TurnId = answer.TurnId,
            PlayedMs = Math.Round(answer.PlayedAtInterruptionMs, 1),
            SentMs = Math.Round(answer.SentMs, 1),
            OnsetMs = onset is { } o ? (long)o.TotalMilliseconds : null,
            AtMs = PositionMs,
        });
        LogInterrupted(_logger, answer.TurnId, answer.PlayedAtInterruptionMs, answer.SentMs);
    }

    private void Emit(VoiceEvent e)
    {
        if (_closed)
        {
            return;
        }

        if (_events.Reader.Count >= _options.MaxQueuedEvents)
        {
            // The client stopped reading: say why, once, and end the session.
            _events.Writer.TryWrite(VoiceEvent.Failure(VoiceErrorCodes.ClientTooSlow,
                $"More than {_options.MaxQueuedEvents} messages are waiting for the client; the session ends.", atMs: PositionMs));
            _ = DisposeAsync().AsTask();
            return;
        }

        _events.Writer.TryWrite(e);
    }

    // ---- the question path ----

    private async Task AnswerTurnsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var turn in _turns.Reader.ReadAllAsync(cancellationToken))
            {
                var (question, transcribedAt) = turn.Text is { } typed ? (typed, null) : await TranscribeAsync(turn, cancellationToken);
                if (!string.IsNullOrWhiteSpace(question))
                {
                    await AskAsync(question, turn.DecidedAt, transcribedAt);
                }
                else if (turn.Interrupted is { } interrupted)
                {
                    await ResumeAsync(interrupted);
                }
            }

            // 3. End of input: the last answer is spoken to its end, then the stream ends.
            Task last;
            lock (_sync)
            {
                last = _answer?.Completion ?? Task.CompletedTask;
            }

            await last;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closed.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    // The transcript, and when the recognizer delivered it.
    private async Task<(string Text, long? At)> TranscribeAsync(Turn turn, CancellationToken cancellationToken)
    {
        var utterance = turn.Utterance!;
        string text;
        long transcribedAt;
        try
        {
            text = await utterance.Completion;
            transcribedAt = _time.GetTimestamp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRecognitionFailed(_logger, ex, utterance.Number);
            lock (_sync)
            {
                Emit(VoiceEvent.Failure(VoiceErrorCodes.AsrError, "The utterance could not be recognized: " + ex.Message, atMs: PositionMs));
            }

            return ("", null);
        }

        if (turn.DecidedAt is { } decided)
        {
            _metrics?.FinalTranscript.Record(_time.GetElapsedTime(decided).TotalMilliseconds);
        }

        lock (_sync)
        {
            Emit(new VoiceEvent
            {
                Type = VoiceEventTypes.AsrFinal,
                Text = text,
                OnsetMs = (long)utterance.Onset.TotalMilliseconds,
                EndMs = (long)(utterance.LastVoiced ?? Position).TotalMilliseconds,
                AtMs = PositionMs,
            });
        }

        return (text, transcribedAt);
    }

    private async Task AskAsync(string question, long? speechEndedAt, long? transcribedAt)
    {
        // The previous answer winds down first (after an interruption it stops its generation), so the conversation
        // takes the next turn.
        Task previous;
        lock (_sync)
        {
            InterruptAnswer(onset: null); // a question asked over an answer that started after the user began speaking
            previous = _answer?.Completion ?? Task.CompletedTask;
        }

        await previous;
        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            var turnId = $"{_options.TurnIdPrefix}-{++_questions}";
            _answer = NewAnswer(turnId, question, [], speechEndedAt, transcribedAt);
            _answer.Start();
        }
    }

    private async Task ResumeAsync(SpokenAnswer interrupted)
    {
        await interrupted.Completion;
        lock (_sync)
        {
            if (_closed || !ReferenceEquals(_answer, interrupted))
            {
                return; // something else was asked since
            }

            var rest = interrupted.UnheardSentences();
            LogResumed(_logger, interrupted.TurnId, rest.Count);
            _answer = NewAnswer(interrupted.TurnId, null, rest, null, null);
            _answer.Start();
        }
    }

    private SpokenAnswer NewAnswer(string turnId, string? question, IReadOnlyList<string> sentences, long? speechEndedAt, long? transcribedAt) =>
        new(turnId, question, sentences, _answerer, _synthesizer,
            new SpeechSynthesisOptions { SampleRate = _options.Format.SampleRate, Voice = _options.Voice },
            new AnswerAudio(_options.Format, _options.PcmChunkDuration), _time, _options.PlaybackLead, this, _logger, _closing.Token)
        {
            SpeechEndedAt = speechEndedAt,
            TranscribedAt = transcribedAt,
        };

    // ---- IAnswerOutput: the answer's output, decided under _sync ----

    void IAnswerOutput.Delta(SpokenAnswer answer, string content)
    {
        lock (_sync)
        {
            if (answer.IsInterrupted)
            {
                return;
            }

            if (!answer.SentText)
            {
                answer.SentText = true;
                _metrics?.FirstDelta.Record(_time.GetElapsedTime(answer.StartedAt).TotalMilliseconds);
            }

            Emit(new VoiceEvent { Type = VoiceEventTypes.LlmDelta, TurnId = answer.TurnId, Content = content, AtMs = PositionMs });
        }
    }

    Task? IAnswerOutput.TrySendChunk(SpokenAnswer answer, byte[] payload, double durationMs, double offsetMs)
    {
        lock (_sync)
        {
            if (answer.IsInterrupted || _closed)
            {
                throw new OperationCanceledException("The answer was interrupted.");
            }

            if (_hold is { } hold)
            {
                return hold.Task;
            }

            if (answer.SentMs == 0)
            {
                _metrics?.FirstAudio.Record(_time.GetElapsedTime(answer.StartedAt).TotalMilliseconds);
                if (answer.SpeechEndedAt is { } ended)
                {
                    var total = _time.GetElapsedTime(ended);
                    _metrics?.SpeechEndToAudio.Record(total.TotalMilliseconds);
                    if (answer.EngineTime(ended) is { } engines)
                    {
                        _metrics?.PlatformAdded.Record(Math.Max(0, (total - engines).TotalMilliseconds));
                    }
                }
            }

            answer.RecordSent(durationMs);
            Emit(new VoiceEvent
            {
                Type = VoiceEventTypes.TtsChunk,
                TurnId = answer.TurnId,
                Seq = ++_chunkSeq,
                Chunk = payload,
                DurationMs = Math.Round(durationMs, 3),
                OffsetMs = Math.Round(offsetMs, 3),
                AtMs = PositionMs,
            });
            return null;
        }
    }

    void IAnswerOutput.Done(SpokenAnswer answer)
    {
        lock (_sync)
        {
            if (answer.IsInterrupted || answer.IsOver)
            {
                return;
            }

            answer.IsOver = true;
            ReleaseHold();
            Emit(new VoiceEvent
            {
                Type = VoiceEventTypes.Done,
                TurnId = answer.TurnId,
                Resumed = answer.Resumed ? true : null,
                AtMs = PositionMs,
            });
        }
    }

    void IAnswerOutput.Failed(SpokenAnswer answer, string code, string message)
    {
        lock (_sync)
        {
            answer.IsOver = true;
            ReleaseHold();
            Emit(new VoiceEvent { Type = VoiceEventTypes.Error, TurnId = answer.TurnId, Code = code, Message = message, AtMs = PositionMs });
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Closing cancels what was running.
        }
    }

    [LoggerMessage(4111, LogLevel.Debug, "Voice answer {TurnId} interrupted after {PlayedMs} ms played ({SentMs} ms sent)")]
    private static partial void LogInterrupted(ILogger logger, string turnId, double playedMs, double sentMs);

    [LoggerMessage(4112, LogLevel.Debug, "Voice answer {TurnId} resumes with {Sentences} unheard sentences")]
    private static partial void LogResumed(ILogger logger, string turnId, int sentences);

    [LoggerMessage(4113, LogLevel.Warning, "Voice utterance {Number} could not be recognized")]
    private static partial void LogRecognitionFailed(ILogger logger, Exception exception, int number);

    // A question to answer, in order: an utterance to transcribe (with the answer it interrupted), or typed text.
    private sealed record Turn(Utterance? Utterance, string? Text, SpokenAnswer? Interrupted)
    {
        public long? DecidedAt { get; init; }
    }
}
