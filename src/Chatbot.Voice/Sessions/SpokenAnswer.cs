using System.Threading.Channels;
using Chatbot.Voice.Tts;
using Microsoft.Extensions.Logging;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// One answer, spoken as it is written: the answer's text streams in (or, when resuming, is already known), each
/// sentence is synthesized as soon as it ends, and the audio goes out in chunks at most
/// <see cref="VoicePipelineOptions.PlaybackLead"/> ahead of real-time playback. <see cref="Interrupt"/> stops both the
/// synthesis and (through <see cref="IVoiceAnswerer.StopAsync"/>) the generation. Knows which sentences were heard, so
/// an interruption that held no words can resume with the rest.
/// </summary>
internal sealed partial class SpokenAnswer
{
    private readonly string? _question;
    private readonly IReadOnlyList<string> _given;
    private readonly IVoiceAnswerer _answerer;
    private readonly ISpeechSynthesizer _synthesizer;
    private readonly SpeechSynthesisOptions _synthesis;
    private readonly AnswerAudio _audio;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lead;
    private readonly IAnswerOutput _output;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly SentenceSegmenter _segmenter = new();
    private readonly Lock _sentencesGate = new();
    private readonly List<Sentence> _sentences = [];
    private long? _firstChunkAt;
    private long? _firstSentenceAt;
    private TimeSpan _synthesisBeforeFirstChunk;
    private volatile bool _generationComplete;

    public SpokenAnswer(
        string turnId, string? question, IReadOnlyList<string> given, IVoiceAnswerer answerer, ISpeechSynthesizer synthesizer,
        SpeechSynthesisOptions synthesis, AnswerAudio audio, TimeProvider time, TimeSpan lead, IAnswerOutput output, ILogger logger,
        CancellationToken closing)
    {
        TurnId = turnId;
        _question = question;
        _given = given;
        _answerer = answerer;
        _synthesizer = synthesizer;
        _synthesis = synthesis;
        _audio = audio;
        _time = time;
        _lead = lead;
        _output = output;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(closing);
        StartedAt = time.GetTimestamp();
    }

    /// <summary>The conversation turn this answer is (a resumed answer keeps its turn).</summary>
    public string TurnId { get; }

    /// <summary>True when this answer resumes an interrupted one.</summary>
    public bool Resumed => _question is null;

    /// <summary>When the end of the speech that asked the question was decided, if it was spoken.</summary>
    public long? SpeechEndedAt { get; init; }

    /// <summary>When the recognizer delivered the spoken question's transcript.</summary>
    public long? TranscribedAt { get; init; }

    /// <summary>True once the first text was sent; the session sets it under its lock.</summary>
    public bool SentText { get; set; }

    /// <summary>When the answer started (its question was asked).</summary>
    public long StartedAt { get; }

    /// <summary>Completes when the answer is over: spoken, interrupted, failed or abandoned.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True once <see cref="Interrupt"/> was called.</summary>
    public bool IsInterrupted { get; private set; }

    /// <summary>True once the answer ended in any way; the session sets it under its lock.</summary>
    public bool IsOver { get; set; }

    /// <summary>Audio sent, in milliseconds; the session adds to it under its lock.</summary>
    public double SentMs { get; private set; }

    /// <summary>Audio the client has played by now, estimated: what was sent, at most the time since the first chunk.</summary>
    public double PlayedMs => _firstChunkAt is { } first ? Math.Min(SentMs, _time.GetElapsedTime(first).TotalMilliseconds) : 0;

    /// <summary>What <see cref="PlayedMs"/> was when the answer was interrupted.</summary>
    public double PlayedAtInterruptionMs { get; private set; }

    /// <summary>
    /// At the first audio chunk of a spoken question's answer: the engines' share of the time since the end of speech
    /// was decided at <paramref name="speechEndedAt"/> — the recognizer's final pass, the answerer's time to the first
    /// sentence and the synthesizer's time to the first chunk; what is left is the platform's own latency. Null when a
    /// part is unknown.
    /// </summary>
    public TimeSpan? EngineTime(long speechEndedAt) =>
        TranscribedAt is { } transcribed && _firstSentenceAt is { } firstSentence
            ? _time.GetElapsedTime(speechEndedAt, transcribed) + _time.GetElapsedTime(StartedAt, firstSentence) + _synthesisBeforeFirstChunk
            : null;

    /// <summary>Starts the answer.</summary>
    public void Start() => Completion = RunAsync();

    /// <summary>Records a chunk as sent; the session calls it under its lock.</summary>
    public void RecordSent(double durationMs)
    {
        _firstChunkAt ??= _time.GetTimestamp();
        SentMs += durationMs;
    }

    /// <summary>
    /// Stops speaking now: nothing more is sent, synthesis is cancelled, and the answer's generation is stopped as the
    /// answer winds down. The session calls it under its lock.
    /// </summary>
    public void Interrupt()
    {
        if (IsInterrupted)
        {
            return;
        }

        IsInterrupted = true;
        PlayedAtInterruptionMs = PlayedMs;
        _ = _stop.CancelAsync(); // callbacks (killing a synthesizer process) run off the session's lock
    }

    /// <summary>
    /// Once <see cref="Completion"/> is done: the sentences the client did not hear in full (from the one playing at the
    /// interruption), including text written but not yet a sentence.
    /// </summary>
    public IReadOnlyList<string> UnheardSentences()
    {
        var played = (long)(PlayedAtInterruptionMs * _audio.Format.SampleRate / 1000);
        var unheard = new List<string>();
        lock (_sentencesGate)
        {
            foreach (var sentence in _sentences)
            {
                if (sentence.EndSample is not { } end || end > played)
                {
                    unheard.Add(sentence.Text);
                }
            }
        }

        if (_question is not null && _segmenter.Flush() is { } rest)
        {
            unheard.Add(rest);
        }

        return unheard;
    }

    private async Task RunAsync()
    {
        await Task.Yield(); // the session starts answers under its lock
        var token = _stop.Token;
        var sentences = Channel.CreateUnbounded<Sentence>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var producer = _question is null ? Give(sentences.Writer) : GenerateAsync(_question, sentences.Writer, token);
        try
        {
            // 1. Speak each sentence as soon as it is complete, while the rest is still being written.
            await foreach (var sentence in sentences.Reader.ReadAllAsync(token))
            {
                await SpeakAsync(sentence, token);
            }

            foreach (var (payload, samples) in _audio.Flush())
            {
                await SendAsync(payload, samples, token);
            }

            await producer;

            // 2. Done means heard: wait for the client's playback to reach the end of what was sent.
            if (_lead != Timeout.InfiniteTimeSpan && _firstChunkAt is { } first && SentMs > _time.GetElapsedTime(first).TotalMilliseconds)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(SentMs) - _time.GetElapsedTime(first), _time, token);
            }

            _output.Done(this);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Interrupted or abandoned: the session already told the client.
        }
        catch (VoiceAnswerException ex)
        {
            LogAnswerFailed(_logger, ex, TurnId, ex.Code);
            _output.Failed(this, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(_logger, ex, TurnId, VoiceErrorCodes.SessionFailed);
            _output.Failed(this, VoiceErrorCodes.SessionFailed, "The answer failed.");
        }
        finally
        {
            await _stop.CancelAsync();
            await producer; // it never throws: its failure travels through the sentence channel

            // 3. A barge-in also stops the answer's generation (the conversation stores what was written, marked stopped).
            if (IsInterrupted && _question is not null && !_generationComplete)
            {
                try
                {
                    await _answerer.StopAsync(TurnId, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogStopFailed(_logger, ex, TurnId);
                }
            }

            _stop.Dispose();
        }
    }

    private async Task GenerateAsync(string question, ChannelWriter<Sentence> sentences, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var delta in _answerer.AnswerAsync(TurnId, question, cancellationToken))
            {
                _output.Delta(this, delta);
                foreach (var sentence in _segmenter.Push(delta))
                {
                    _firstSentenceAt ??= _time.GetTimestamp();
                    sentences.TryWrite(Add(sentence));
                }
            }

            _generationComplete = true;
            if (_segmenter.Flush() is { } rest)
            {
                _firstSentenceAt ??= _time.GetTimestamp();
                sentences.TryWrite(Add(rest));
            }

            sentences.TryComplete();
        }
        catch (Exception ex)
        {
            // The speaking loop reads the failure (or, when it was cancelled, no one needs it).
            sentences.TryComplete(ex);
        }
    }

    private Task Give(ChannelWriter<Sentence> sentences)
    {
        foreach (var text in _given)
        {
            sentences.TryWrite(Add(text));
        }

        sentences.TryComplete();
        return Task.CompletedTask;
    }

    private Sentence Add(string text)
    {
        var sentence = new Sentence(text);
        lock (_sentencesGate)
        {
            _sentences.Add(sentence);
        }

        return sentence;
    }

    private async Task SpeakAsync(Sentence sentence, CancellationToken cancellationToken)
    {
        var text = SpeakableText.From(sentence.Text);
        lock (_sentencesGate)
        {
            sentence.StartSample = _audio.SamplesIn;
        }

        if (text.Length > 0)
        {
            await using var audio = _synthesizer.SynthesizeAsync(text, _synthesis, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await TimedNextAsync(audio, cancellationToken))
            {
                foreach (var (payload, count) in _audio.Add(audio.Current))
                {
                    await SendAsync(payload, count, cancellationToken);
                }
            }
        }

        lock (_sentencesGate)
        {
            sentence.EndSample = _audio.SamplesIn;
        }
    }

    private async Task SendAsync(byte[] payload, int samples, CancellationToken cancellationToken)
    {
        var duration = _audio.Milliseconds(samples);
        var offset = SentMs;
        while (true)
        {
            // Pacing: at most the lead ahead of playback, which started with the first chunk.
            if (_lead != Timeout.InfiniteTimeSpan && _firstChunkAt is { } first)
            {
                var ahead = TimeSpan.FromMilliseconds(SentMs) - _time.GetElapsedTime(first) - _lead;
                if (ahead > TimeSpan.Zero)
                {
                    await Task.Delay(ahead, _time, cancellationToken);
                }
            }

            if (_output.TrySendChunk(this, payload, duration, offset) is not { } wait)
            {
                return;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    // The synthesizer's time until the first chunk goes out counts as engine time (EngineTime).
    private async ValueTask<bool> TimedNextAsync(IAsyncEnumerator<short[]> audio, CancellationToken cancellationToken)
    {
        if (_firstChunkAt is not null)
        {
            return await NextAsync(audio, cancellationToken);
        }

        var started = _time.GetTimestamp();
        try
        {
            return await NextAsync(audio, cancellationToken);
        }
        finally
        {
            _synthesisBeforeFirstChunk += _time.GetElapsedTime(started);
        }
    }

    // The synthesizer's failures become tts_error; the answer's text was already sent.
    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<short[]> audio, CancellationToken cancellationToken)
    {
        try
        {
            return await audio.MoveNextAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new VoiceAnswerException(VoiceErrorCodes.TtsError, "The answer could not be spoken: " + ex.Message, ex);
        }
    }

    [LoggerMessage(4101, LogLevel.Warning, "Voice answer {TurnId} failed ({Code})")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string turnId, string code);

    [LoggerMessage(4102, LogLevel.Warning, "Voice answer {TurnId}: stopping its generation after a barge-in failed")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string turnId);

    private sealed class Sentence(string text)
    {
        public string Text { get; } = text;

        public long StartSample { get; set; }

        public long? EndSample { get; set; }
    }
}
