using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Chatbot.Voice.Tts.EspeakNg;

/// <summary>
/// The process' one espeak-ng instance. libespeak-ng keeps its voice, parameters and callback in process-global
/// variables, so every use goes through this object: it initializes the library once (synchronous mode) and lets one
/// synthesis run at a time, on a <see cref="NativeCallGate"/> thread. Register it as a singleton. Thread-safe.
/// </summary>
public sealed partial class EspeakNgEngine : IDisposable
{
    private const int CallbackMilliseconds = 60; // audio is handed over in chunks this long

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly NativeCallGate _gate;
    private readonly string? _dataPath;
    private readonly ILogger _logger;
    private readonly EspeakNgNative.SynthCallback _callback; // kept alive: native code holds a pointer to it
    private readonly IntPtr _callbackPointer;
    private Action<short[]>? _sink; // the running synthesis' receiver; only touched while holding _turn
    private CancellationToken _sinkCancellation;
    private Exception? _sinkError;
    private int _sampleRate;
    private string? _voice;
    private int _wordsPerMinute;

    /// <summary>An engine running its calls through <paramref name="gate"/>; <paramref name="dataPath"/> null for the default data.</summary>
    public EspeakNgEngine(NativeCallGate gate, string? dataPath, ILogger<EspeakNgEngine> logger)
    {
        _gate = gate;
        _dataPath = dataPath;
        _logger = logger;
        _callback = OnAudio;
        _callbackPointer = Marshal.GetFunctionPointerForDelegate(_callback);
    }

    /// <summary>
    /// Synthesizes <paramref name="text"/> with <paramref name="voice"/> at <paramref name="wordsPerMinute"/>, handing each
    /// chunk of 16-bit samples at the engine's own rate (22,050 Hz) to <paramref name="sink"/> on the native thread as it
    /// is made. Waits its turn behind other syntheses. Cancellation stops synthesis at the next chunk.
    /// </summary>
    /// <returns>The engine's sample rate.</returns>
    public async Task<int> SynthesizeAsync(string text, string voice, int wordsPerMinute, Action<short[]> sink, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _gate.RunAsync(() => Synthesize(text, voice, wordsPerMinute, sink, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();

    private unsafe int Synthesize(string text, string voice, int wordsPerMinute, Action<short[]> sink, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        if (voice != _voice)
        {
            Check(EspeakNgNative.SetVoiceByName(voice), $"voice '{voice}' (see `espeak-ng --voices`)");
            _voice = voice;
        }

        if (wordsPerMinute != _wordsPerMinute)
        {
            Check(EspeakNgNative.SetParameter(EspeakNgNative.ParameterRate, wordsPerMinute, 0), $"rate {wordsPerMinute}");
            _wordsPerMinute = wordsPerMinute;
        }

        var utf8 = Encoding.UTF8.GetBytes(text + "\0");
        _sink = sink;
        _sinkCancellation = cancellationToken;
        try
        {
            EspeakNgNative.SetSynthCallback(_callbackPointer);
            fixed (byte* bytes = utf8)
            {
                var result = EspeakNgNative.Synth(bytes, (nuint)utf8.Length, 0, EspeakNgNative.PositionCharacter, 0,
                    EspeakNgNative.CharsUtf8 | EspeakNgNative.EndPause, null, IntPtr.Zero);
                if (_sinkError is { } error)
                {
                    throw new InvalidOperationException("The receiver of synthesized audio failed.", error);
                }

                cancellationToken.ThrowIfCancellationRequested();
                Check(result, "synthesis");
            }
        }
        finally
        {
            _sink = null;
            _sinkError = null;
        }

        return _sampleRate;
    }

    private void EnsureInitialized()
    {
        if (_sampleRate > 0)
        {
            return;
        }

        var rate = EspeakNgNative.Initialize(EspeakNgNative.AudioOutputSynchronous, CallbackMilliseconds, _dataPath, EspeakNgNative.InitializeDontExit);
        if (rate <= 0)
        {
            throw new InvalidOperationException(
                $"espeak-ng failed to initialize (data path '{_dataPath ?? "default"}'); install the Debian package espeak-ng.");
        }

        _sampleRate = rate;
        LogInitialized(_logger, rate);
    }

    private int OnAudio(IntPtr wav, int sampleCount, IntPtr events)
    {
        if (_sinkCancellation.IsCancellationRequested)
        {
            return 1; // abort synthesis
        }

        if (wav == IntPtr.Zero || sampleCount <= 0 || _sink is not { } sink)
        {
            return 0;
        }

        var samples = new short[sampleCount];
        Marshal.Copy(wav, samples, 0, sampleCount);
        try
        {
            sink(samples);
            return 0;
        }
        catch (Exception ex)
        {
            // An exception must not unwind through espeak-ng's frames: abort, and rethrow once Synth returned.
            _sinkError = ex;
            return 1;
        }
    }

    private static void Check(int result, string what)
    {
        if (result != EspeakNgNative.Ok)
        {
            throw new InvalidOperationException($"espeak-ng rejected {what} (error {result}).");
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "espeak-ng initialized at {SampleRate} Hz")]
    private static partial void LogInitialized(ILogger logger, int sampleRate);
}
