using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Chatbot.Voice.Tts;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>
/// A synthesizer for pipeline tests: each text becomes a 440 Hz tone, 10 ms per character, in 20 ms chunks. After
/// <see cref="PauseAfterChunks"/> chunks of the whole run it waits for <see cref="Release"/>, so a test can speak while
/// the answer's audio is flowing.
/// </summary>
internal sealed class ToneSynthesizer : ISpeechSynthesizer
{
    private int _chunks;

    /// <summary>Chunks made before pausing; null never pauses.</summary>
    public int? PauseAfterChunks { get; init; }

    /// <summary>Reached when the synthesizer pauses.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete it to let a paused synthesis go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every text synthesized, in order.</summary>
    public ConcurrentQueue<string> Texts { get; } = new();

    /// <summary>Syntheses that were cancelled.</summary>
    public int Cancelled => _cancelled;

    private int _cancelled;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(
        string text, SpeechSynthesisOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Texts.Enqueue(text);
        var tone = Signals.Sine(440, options.SampleRate, text.Length * 0.010, amplitude: 0.3);
        var chunk = options.SampleRate / 50;
        for (var i = 0; i < tone.Length; i += chunk)
        {
            try
            {
                if (Interlocked.Increment(ref _chunks) == PauseAfterChunks + 1)
                {
                    Paused.TrySetResult();
                    await Release.Task.WaitAsync(cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            yield return tone[i..Math.Min(tone.Length, i + chunk)];
        }
    }
}
