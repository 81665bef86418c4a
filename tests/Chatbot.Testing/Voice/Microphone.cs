using System.Collections;
using System.Collections.Concurrent;
using Chatbot.Voice.Audio;

namespace Chatbot.Testing.Voice;

/// <summary>
/// A client's microphone for <see cref="VoiceClient.StreamAsync"/>: an endless stream of 20 ms payloads in a session's
/// format, silence unless the test says something. Knows, in stream time, when each thing said began to be sent.
/// </summary>
public sealed class Microphone(AudioFormat format) : IEnumerable<byte[]>
{
    private readonly ConcurrentQueue<(short[] Samples, TaskCompletionSource<TimeSpan> Started)> _queue = new();
    private readonly IAudioEncoder _encoder = AudioCodecs.CreateEncoder(format);

    /// <summary>The format of the payloads.</summary>
    public AudioFormat Format { get; } = format;

    /// <summary>
    /// Queues <paramref name="samples"/> (at the format's rate) after what is already queued; the task gives the stream
    /// position at which its first frame was sent.
    /// </summary>
    public Task<TimeSpan> Say(short[] samples)
    {
        var started = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((samples, started));
        return started.Task;
    }

    public IEnumerator<byte[]> GetEnumerator()
    {
        var frame = Format.SamplesPerFrame;
        var silence = new short[frame];
        long sent = 0;
        while (true)
        {
            if (_queue.TryDequeue(out var speech))
            {
                speech.Started.TrySetResult(AudioFormat.FrameDuration * sent);
                for (var i = 0; i < speech.Samples.Length; i += frame)
                {
                    var samples = new short[frame];
                    speech.Samples.AsSpan(i, Math.Min(frame, speech.Samples.Length - i)).CopyTo(samples);
                    foreach (var payload in _encoder.Encode(samples))
                    {
                        sent++;
                        yield return payload;
                    }
                }

                continue;
            }

            foreach (var payload in _encoder.Encode(silence))
            {
                sent++;
                yield return payload;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
