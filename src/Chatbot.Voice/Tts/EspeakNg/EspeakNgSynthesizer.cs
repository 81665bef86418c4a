using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Tts.EspeakNg;

/// <summary>
/// <see cref="ISpeechSynthesizer"/> over the shared <see cref="EspeakNgEngine"/>: each chunk the engine makes is
/// resampled to the requested rate and handed out at once. Syntheses queue behind each other (the engine is one per
/// process). Thread-safe.
/// </summary>
public sealed class EspeakNgSynthesizer(EspeakNgEngine engine, TtsOptions settings) : ISpeechSynthesizer
{
    /// <summary>The voice used when none is configured.</summary>
    public const string DefaultVoice = "en-us";

    /// <summary>The rate espeak-ng synthesizes at, in hertz.</summary>
    public const int EngineSampleRate = 22_050;

    /// <inheritdoc />
    public async IAsyncEnumerable<short[]> SynthesizeAsync(
        string text, SpeechSynthesisOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        // 1. The engine pushes chunks from its thread into a channel; a resampler per call keeps the filter state.
        var resampler = new AudioResampler(EngineSampleRate, options.SampleRate);
        var chunks = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var voice = options.Voice ?? settings.Voice ?? DefaultVoice;
        var synthesis = engine.SynthesizeAsync(text, voice, settings.EspeakNg.WordsPerMinute, samples =>
        {
            var converted = resampler.Process(samples);
            if (converted.Length > 0)
            {
                chunks.Writer.TryWrite(converted);
            }
        }, stop.Token);
        _ = synthesis.ContinueWith(
            t => chunks.Writer.TryComplete(t.Exception?.InnerException),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // 2. Hand chunks out as they come; leaving early (cancel, break, error) stops the engine and waits for it.
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await synthesis.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).ConfigureAwait(false);
        }

        // 3. A finished synthesis also releases the resampler's tail.
        await synthesis.ConfigureAwait(false);
        if (resampler.Flush() is { Length: > 0 } tail)
        {
            yield return tail;
        }
    }
}
