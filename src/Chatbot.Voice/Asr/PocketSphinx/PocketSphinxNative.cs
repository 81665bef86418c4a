using System.Runtime.InteropServices;

namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// The part of pocketsphinx 5prealpha's C API (Debian <c>libpocketsphinx3</c>, <c>libsphinxbase3</c>) the recognizer
/// uses. A decoder is not thread-safe; distinct decoders may run on distinct threads.
/// </summary>
internal static partial class PocketSphinxNative
{
    public const string PocketSphinx = "libpocketsphinx.so.3";
    public const string SphinxBase = "libsphinxbase.so.3";

    /// <summary><c>arg_t const *ps_args(void)</c>: the decoder's argument definitions.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_args")]
    public static partial IntPtr Args();

    /// <summary><c>cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, const arg_t *defn, int32 argc, char *argv[], int32 strict)</c>.</summary>
    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_parse_r")]
    public static partial IntPtr ParseArguments(IntPtr config, IntPtr definitions, int argc, IntPtr[] argv, int strict);

    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeArguments(IntPtr config);

    /// <summary><c>ps_decoder_t *ps_init(cmd_ln_t *config)</c>; keeps its own reference to the config.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_init")]
    public static partial IntPtr Init(IntPtr config);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_free")]
    public static partial int Free(IntPtr decoder);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(IntPtr decoder);

    /// <summary><c>int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt)</c>.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_process_raw")]
    public static unsafe partial int ProcessRaw(IntPtr decoder, short* samples, nuint count, int noSearch, int fullUtterance);

    /// <summary><c>char const *ps_get_hyp(ps_decoder_t *ps, int32 *out_best_score)</c>: owned by the decoder; may be null.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_get_hyp")]
    public static partial IntPtr GetHypothesis(IntPtr decoder, out int bestScore);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(IntPtr decoder);
}
