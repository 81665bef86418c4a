using System.Threading.Channels;
using Chatbot.Voice.Asr;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// Recognition of one utterance, off the audio path: frames are queued as they arrive and a loop writes them to a
/// recognition stream (in batches when it falls behind), reporting partial transcripts; ending the utterance completes
/// the stream for the final transcript. Frames go in from one thread at a time; the loop runs on its own.
/// </summary>
internal sealed class Utterance
{
    private readonly Channel<(short[] Frame, long ArrivedAt)> _frames;
    private readonly CancellationTokenSource _abandon;
    private readonly TimeProvider _time;
    private readonly Action<Utterance, string> _onPartial;
    private readonly Action<TimeSpan>? _onFrameLag;
    private readonly Lock _abandonGate = new();
    private bool _finished;

    public Utterance(
        int number, TimeSpan onset, int maxFrames, ISpeechRecognizer recognizer, RecognitionOptions options, TimeProvider time,
        Action<Utterance, string> onPartial, Action<TimeSpan>? onFrameLag, CancellationToken closing)
    {
        Number = number;
        Onset = onset;
        MaxFrames = maxFrames;
        _time = time;
        _onPartial = onPartial;
        _onFrameLag = onFrameLag;
        _frames = Channel.CreateBounded<(short[], long)>(new BoundedChannelOptions(maxFrames + 1) { SingleReader = true, SingleWriter = true });
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(closing);
        Completion = RecognizeAsync(recognizer, options, _abandon.Token);
    }

    /// <summary>Which utterance of the session this is, from 1.</summary>
    public int Number { get; }

    /// <summary>Stream position of its first frame.</summary>
    public TimeSpan Onset { get; }

    /// <summary>Frames it takes at most.</summary>
    public int MaxFrames { get; }

    /// <summary>Frames queued so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Stream position where its last voiced frame ended; set when it ends.</summary>
    public TimeSpan? LastVoiced { get; private set; }

    /// <summary>True once <see cref="MaxFrames"/> were queued: it must end now.</summary>
    public bool IsFull => Frames >= MaxFrames;

    /// <summary>The final transcript, once the utterance has ended and the recognizer is done.</summary>
    public Task<string> Completion { get; }

    /// <summary>Queues the next frame (16 kHz, 20 ms); false when the utterance is full or ended.</summary>
    public bool Write(short[] frame)
    {
        if (IsFull || !_frames.Writer.TryWrite((frame, _time.GetTimestamp())))
        {
            return false;
        }

        Frames++;
        return true;
    }

    /// <summary>No more frames: the recognizer finishes what is queued and gives the final transcript.</summary>
    public void End(TimeSpan lastVoiced)
    {
        LastVoiced = lastVoiced;
        _frames.Writer.TryComplete();
    }

    /// <summary>Drops the utterance: recognition stops and its resources are freed.</summary>
    public void Abandon()
    {
        _frames.Writer.TryComplete();
        lock (_abandonGate)
        {
            if (!_finished)
            {
                _abandon.Cancel();
            }
        }
    }

    private async Task<string> RecognizeAsync(ISpeechRecognizer recognizer, RecognitionOptions options, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the caller holds the session's lock: the recognizer starts outside it
        try
        {
            await using var stream = await recognizer.StartAsync(options, cancellationToken);
            var reader = _frames.Reader;
            var batch = new List<short>();
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                // Whatever queued up while the recognizer was busy goes in as one write.
                batch.Clear();
                long oldest = 0;
                var count = 0;
                while (reader.TryRead(out var item))
                {
                    oldest = count++ == 0 ? item.ArrivedAt : oldest;
                    batch.AddRange(item.Frame);
                }

                var partial = await stream.WriteAsync(batch.ToArray(), cancellationToken);
                _onFrameLag?.Invoke(_time.GetElapsedTime(oldest));
                if (partial is { Text.Length: > 0 })
                {
                    _onPartial(this, partial.Text);
                }
            }

            return (await stream.CompleteAsync(cancellationToken)).Text;
        }
        finally
        {
            lock (_abandonGate)
            {
                _finished = true;
                _abandon.Dispose();
            }
        }
    }
}
