using System.Runtime.InteropServices;

namespace Chatbot.Voice.Tts.EspeakNg;

/// <summary>The part of libespeak-ng's C API (<c>speak_lib.h</c>) the synthesizer uses. Process-global state.</summary>
internal static partial class EspeakNgNative
{
    public const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2; // AUDIO_OUTPUT_SYNCHRONOUS: callback on the calling thread
    public const int InitializeDontExit = 0x8000; // espeakINITIALIZE_DONT_EXIT: report errors instead of exit()
    public const int PositionCharacter = 1; // POS_CHARACTER
    public const uint CharsUtf8 = 1; // espeakCHARS_UTF8
    public const uint EndPause = 0x1000; // espeakENDPAUSE: a pause at the end of the text
    public const int ParameterRate = 1; // espeakRATE, words per minute
    public const int Ok = 0; // EE_OK

    /// <summary><c>int callback(short* wav, int numsamples, espeak_EVENT* events)</c>; return 1 to abort.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int SynthCallback(IntPtr wav, int sampleCount, IntPtr events);

    /// <summary>Returns the output sample rate, or -1.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferMilliseconds, string? path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(IntPtr callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static unsafe partial int Synth(
        byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, IntPtr userData);
}
