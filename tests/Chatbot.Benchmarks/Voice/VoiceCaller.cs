using System.Diagnostics;
using System.Runtime.InteropServices;
using Chatbot.Voice;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Sessions;

namespace Chatbot.Benchmarks.Voice;

/// <summary>
/// One simulated caller on one <see cref="VoicePipeline"/>: an open microphone sending 20 ms frames of 16 kHz PCM16 in
/// real time (silence between utterances), asking the question, speaking over the answer once its audio has played
/// 300 ms (barge-in), then letting the answer to that second question play to its end, again and again.
/// </summary>
internal sealed class VoiceCaller(VoicePipeline pipeline, short[] question, short[] interruption)
{
    private static readonly int FrameSamples = AudioFormat.Internal.SamplesPerFrame;

    private readonly Lock _sync = new();
    private readonly Queue<short[]> _pending = new();
    private readonly short[] _silence = new short[FrameSamples];

    /// <summary>Answers spoken to their end.</summary>
    public int Answered { get; private set; }

    /// <summary>Answers interrupted, with the stream time from the detected onset to <c>interrupted</c> (ms).</summary>
    public List<double> OnsetToInterrupted { get; } = [];

    /// <summary>Audio of interrupted answers sent after the speech onset, in milliseconds of stream time (goal: none).</summary>
    public double AudioAfterOnsetMs { get; private set; }

    /// <summary>How far behind real time the microphone fell at worst (a starved machine).</summary>
    public TimeSpan WorstFeedLag { get; private set; }

    /// <summary>Talks until <paramref name="cancellationToken"/> is cancelled, then closes the session.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Say(question);
        var listening = ListenAsync();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        using var timer = new PeriodicTimer(AudioFormat.FrameDuration);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Every frame that is due, so the stream stays in real time when a tick comes late.
                var due = (long)(clock.Elapsed / AudioFormat.FrameDuration);
                var lag = AudioFormat.FrameDuration * (due - sent);
                WorstFeedLag = lag > WorstFeedLag ? lag : WorstFeedLag;
                for (; sent < due; sent++)
                {
                    pipeline.PushAudio(MemoryMarshal.AsBytes(NextFrame().AsSpan()));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The measured window is over.
        }

        await pipeline.DisposeAsync();
        await listening;
    }

    private async Task ListenAsync()
    {
        var interruptNext = true; // each round speaks over the answer to its question, then lets the next one play
        string? speaking = null; // the answer playing that this caller will speak over
        var spoken = new Dictionary<string, List<VoiceEvent>>();
        await foreach (var e in pipeline.Events.ReadAllAsync())
        {
            switch (e.Type)
            {
                case VoiceEventTypes.TtsChunk:
                    if (!spoken.TryGetValue(e.TurnId!, out var chunks))
                    {
                        spoken[e.TurnId!] = chunks = [];
                        if (interruptNext)
                        {
                            interruptNext = false;
                            speaking = e.TurnId;
                        }
                    }

                    chunks.Add(e);
                    if (e.TurnId == speaking && e.OffsetMs >= 300)
                    {
                        speaking = null;
                        Say(interruption);
                    }

                    break;
                case VoiceEventTypes.Interrupted when e.OnsetMs is { } onset:
                    OnsetToInterrupted.Add(e.AtMs - onset);
                    AudioAfterOnsetMs += spoken.GetValueOrDefault(e.TurnId!, []).Where(c => c.AtMs > onset).Sum(c => c.DurationMs ?? 0);
                    spoken.Remove(e.TurnId!);
                    break;
                case VoiceEventTypes.Done:
                    Answered++;
                    spoken.Remove(e.TurnId!);
                    interruptNext = true;
                    Say(question); // the next round
                    break;
                default:
                    break;
            }
        }
    }

    private void Say(short[] samples)
    {
        lock (_sync)
        {
            for (var i = 0; i < 15; i++)
            {
                _pending.Enqueue(_silence); // 300 ms before speaking
            }

            for (var i = 0; i + FrameSamples <= samples.Length; i += FrameSamples)
            {
                _pending.Enqueue(samples[i..(i + FrameSamples)]);
            }
        }
    }

    private short[] NextFrame()
    {
        lock (_sync)
        {
            return _pending.TryDequeue(out var frame) ? frame : _silence;
        }
    }
}
