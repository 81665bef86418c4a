using System.Collections.Concurrent;
using Chatbot.Voice.Asr;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>
/// A recognizer for pipeline tests: each completed utterance gets the next scripted transcript (empty once they run
/// out), partials are the transcript's first word after 100 ms of audio. Records the audio of every utterance.
/// </summary>
internal sealed class ScriptedRecognizer(params string[] transcripts) : ISpeechRecognizer
{
    private readonly ConcurrentQueue<string> _transcripts = new(transcripts);

    /// <summary>The audio each completed utterance received, in order.</summary>
    public ConcurrentQueue<short[]> Utterances { get; } = new();

    /// <summary>Streams opened (the warm-up included).</summary>
    public int Opened => _opened;

    /// <summary>Streams disposed.</summary>
    public int Disposed => _disposed;

    private int _opened;
    private int _disposed;

    public ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opened);
        return ValueTask.FromResult<IRecognitionStream>(new Stream(this));
    }

    private sealed class Stream(ScriptedRecognizer owner) : IRecognitionStream
    {
        private readonly List<short> _audio = [];
        private bool _partialSent;

        public TimeSpan Duration => TimeSpan.FromSeconds(_audio.Count / 16_000.0);

        public ValueTask<RecognitionResult?> WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
        {
            _audio.AddRange(samples.Span);
            if (_partialSent || Duration < TimeSpan.FromMilliseconds(100) || !owner._transcripts.TryPeek(out var next) || next.Length == 0)
            {
                return ValueTask.FromResult<RecognitionResult?>(null);
            }

            _partialSent = true;
            return ValueTask.FromResult<RecognitionResult?>(new RecognitionResult(next.Split(' ')[0], IsFinal: false));
        }

        public ValueTask<RecognitionResult> CompleteAsync(CancellationToken cancellationToken = default)
        {
            owner.Utterances.Enqueue([.. _audio]);
            var text = owner._transcripts.TryDequeue(out var next) ? next : "";
            return ValueTask.FromResult(new RecognitionResult(text, IsFinal: true));
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref owner._disposed);
            return ValueTask.CompletedTask;
        }
    }
}
