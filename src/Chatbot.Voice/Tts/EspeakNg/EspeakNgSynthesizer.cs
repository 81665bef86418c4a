using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Tts.EspeakNg;

/// <summary>
/// <see cref="ISpeechSynthesizer"/> running one <c>espeak-ng --stdout</c> process per text, reading its WAV output as it
/// is written and resampling each chunk to the requested rate. A process rather than libespeak-ng in-process: the
/// library keeps synthesis state in process-wide variables that carry from one call to the next (the same sentence
/// comes out a few samples different each time, and neither re-initializing nor <c>espeak_Terminate</c> resets it), so
/// in-process audio is neither reproducible nor parallel. A process is both, and cancelling kills it. Processes count
/// against the <see cref="NativeCallGate"/> while they run, not while the caller takes their audio. Thread-safe.
/// </summary>
public sealed class EspeakNgSynthesizer(NativeCallGate gate, TtsOptions settings) : ISpeechSynthesizer
{
    /// <summary>The voice used when none is configured.</summary>
    public const string DefaultVoice = "en-us";

    /// <summary>The executable run.</summary>
    public const string Executable = "espeak-ng";

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

        // espeak-ng runs in a native-call slot at its own speed, its audio buffered here: a caller that takes the audio
        // at playback pace (an answer spoken in real time) must not hold the slot the recognizers need meanwhile.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var run = RunAsync(text, options, chunks.Writer, stop.Token);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested(); // buffered audio is not handed out once cancelled
                yield return chunk;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false); // a consumer that stopped early ends the run
            await run.ConfigureAwait(false); // never throws: its failure completed the channel
        }
    }

    private async Task RunAsync(string text, SpeechSynthesisOptions options, ChannelWriter<short[]> chunks, CancellationToken cancellationToken)
    {
        try
        {
            // 1. Start espeak-ng with the text on stdin (no argument parsing of user text) and WAV on stdout.
            using var slot = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            using var process = Start(options.Voice ?? settings.Voice ?? DefaultVoice);
            using var killOnCancel = cancellationToken.Register(() => Kill(process));
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // espeak-ng exited before reading (a bad voice): step 3 reports its exit code and message
            }

            // 2. Hand out each chunk as espeak-ng writes it (WAV: the header gives its rate, 22,050 Hz).
            var spoken = false;
            try
            {
                await foreach (var chunk in AudioStreamReader.ReadAsync(process.StandardOutput.BaseStream, null, options.SampleRate, cancellationToken)
                    .ConfigureAwait(false))
                {
                    spoken = true;
                    chunks.TryWrite(chunk);
                }
            }
            finally
            {
                Kill(process); // a run that stopped early leaves no process behind
            }

            // 3. A failed run reports espeak-ng's message.
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0 || !spoken)
            {
                throw new InvalidOperationException($"espeak-ng failed (exit code {process.ExitCode}): {errors.Trim()}");
            }

            chunks.TryComplete();
        }
        catch (Exception ex)
        {
            chunks.TryComplete(ex);
        }
    }

    private Process Start(string voice)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (var argument in new[] { "--stdout", "--stdin", "-b", "1", "-v", voice, "-s", $"{settings.EspeakNg.WordsPerMinute}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (settings.EspeakNg.DataPath is { } path)
        {
            start.ArgumentList.Add($"--path={path}");
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("espeak-ng could not be started: install the Debian package espeak-ng.", ex);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // it exited between the check and the kill
        }
    }
}
