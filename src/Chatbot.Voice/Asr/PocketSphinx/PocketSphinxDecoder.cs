using System.Runtime.InteropServices;

namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// One native pocketsphinx decoder, loaded with an acoustic model, a pronunciation dictionary and a language model.
/// Every method blocks and must run on a <see cref="NativeCallGate"/> thread; one caller at a time (not thread-safe).
/// </summary>
internal sealed class PocketSphinxDecoder : IDisposable
{
    private IntPtr _decoder;

    private PocketSphinxDecoder(IntPtr decoder, string modelKey)
    {
        _decoder = decoder;
        ModelKey = modelKey;
    }

    /// <summary>Which language model and dictionary it holds (decoders with equal keys are interchangeable).</summary>
    public string ModelKey { get; }

    /// <summary>
    /// Loads a decoder. Dither stays off: the stream adds its own seeded dither (see
    /// <c>PocketSphinxRecognitionStream</c>), because pocketsphinx's uses a process-wide random generator, so its
    /// <c>-seed</c> cannot make concurrent decoders reproducible.
    /// </summary>
    /// <exception cref="InvalidOperationException">A model file is missing or invalid.</exception>
    public static PocketSphinxDecoder Create(string modelKey, string acousticModel, string dictionary, string languageModel)
    {
        string[] arguments =
        [
            "-hmm", acousticModel, "-dict", dictionary, "-lm", languageModel,
            "-dither", "no", "-logfn", "/dev/null",
            "-topn", "8", // Gaussians scored per codebook: twice the default, a third fewer errors on our WER sets
        ];
        var argv = arguments.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            var config = PocketSphinxNative.ParseArguments(IntPtr.Zero, PocketSphinxNative.Args(), argv.Length, argv, 1);
            if (config == IntPtr.Zero)
            {
                throw new InvalidOperationException($"pocketsphinx rejected its arguments: {string.Join(' ', arguments)}");
            }

            var decoder = PocketSphinxNative.Init(config);
            _ = PocketSphinxNative.FreeArguments(config); // returns the references left: the decoder holds its own
            return decoder == IntPtr.Zero
                ? throw new InvalidOperationException(
                    $"pocketsphinx could not load -hmm '{acousticModel}' -dict '{dictionary}' -lm '{languageModel}' (install pocketsphinx-en-us).")
                : new PocketSphinxDecoder(decoder, modelKey);
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    public void StartUtterance() => Check(PocketSphinxNative.StartUtterance(Handle), "ps_start_utt");

    public unsafe void Process(ReadOnlySpan<short> samples)
    {
        fixed (short* data = samples)
        {
            Check(PocketSphinxNative.ProcessRaw(Handle, data, (nuint)samples.Length, 0, 0), "ps_process_raw");
        }
    }

    /// <summary>The best hypothesis so far (or final, after <see cref="EndUtterance"/>); empty when none.</summary>
    public string Hypothesis()
    {
        var text = PocketSphinxNative.GetHypothesis(Handle, out _);
        return text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text) ?? "";
    }

    /// <summary>
    /// Decodes a whole utterance in one pass. Given the whole utterance at once, pocketsphinx normalizes it by its own
    /// cepstral mean (batch CMN, as the acoustic model was trained), so the transcript depends on this audio alone.
    /// A decoder that ever decoded incrementally (<see cref="Process"/>) has switched to live CMN for good: keep the
    /// two uses on separate decoders.
    /// </summary>
    public unsafe string DecodeWhole(ReadOnlySpan<short> samples)
    {
        StartUtterance();
        fixed (short* data = samples)
        {
            Check(PocketSphinxNative.ProcessRaw(Handle, data, (nuint)samples.Length, 0, 1), "ps_process_raw");
        }

        EndUtterance();
        return Hypothesis();
    }

    public void EndUtterance() => Check(PocketSphinxNative.EndUtterance(Handle), "ps_end_utt");

    public void Dispose()
    {
        if (_decoder != IntPtr.Zero)
        {
            _ = PocketSphinxNative.Free(_decoder); // returns the references left; nothing else holds one
            _decoder = IntPtr.Zero;
        }
    }

    private IntPtr Handle => _decoder != IntPtr.Zero ? _decoder : throw new ObjectDisposedException(nameof(PocketSphinxDecoder));

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"pocketsphinx {call} failed ({result}).");
        }
    }
}
