using System.ComponentModel.DataAnnotations;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Tts;
using Microsoft.Extensions.Options;

namespace Chatbot.Voice;

/// <summary>
/// Start-up checks of <see cref="VoiceOptions"/>: the ranges of every nested section (options validation does not
/// descend into them), and what the chosen providers need: pocketsphinx's model files, espeak-ng on the PATH, an
/// endpoint for openai. Every message names its setting.
/// </summary>
internal sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    private const string Section = VoiceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VoiceOptions options)
    {
        var failures = new List<string>();
        Annotations(options, Section, failures);
        Annotations(options.Asr, $"{Section}:Asr", failures);
        Annotations(options.Asr.PocketSphinx, $"{Section}:Asr:PocketSphinx", failures);
        Annotations(options.Asr.OpenAI, $"{Section}:Asr:OpenAI", failures);
        Annotations(options.Tts, $"{Section}:Tts", failures);
        Annotations(options.Tts.EspeakNg, $"{Section}:Tts:EspeakNg", failures);
        Annotations(options.Tts.OpenAI, $"{Section}:Tts:OpenAI", failures);
        Annotations(options.Vad, $"{Section}:Vad", failures);

        if (options.Asr.Provider == AsrProviders.PocketSphinx)
        {
            var sphinx = options.Asr.PocketSphinx;
            Exists(sphinx.AcousticModelPath, Directory.Exists, "Asr:PocketSphinx:AcousticModelPath", failures);
            Exists(sphinx.DictionaryPath, File.Exists, "Asr:PocketSphinx:DictionaryPath", failures);
            Exists(sphinx.LanguageModelPath, File.Exists, "Asr:PocketSphinx:LanguageModelPath", failures);
        }
        else if (options.Asr.Provider == AsrProviders.OpenAI)
        {
            HttpUrl(options.Asr.OpenAI.BaseUrl, "Asr", failures);
        }

        if (options.Tts.Provider == TtsProviders.EspeakNg && !OnPath(Tts.EspeakNg.EspeakNgSynthesizer.Executable))
        {
            failures.Add($"{Section}:Tts:Provider is 'espeak-ng' but no espeak-ng executable is on the PATH (install the Debian package espeak-ng).");
        }
        else if (options.Tts.Provider == TtsProviders.OpenAI)
        {
            HttpUrl(options.Tts.OpenAI.BaseUrl, "Tts", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Annotations(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}:{r.MemberNames.FirstOrDefault()}: {r.ErrorMessage}"));
        }
    }

    private static void Exists(string path, Func<string, bool> exists, string setting, List<string> failures)
    {
        if (!string.IsNullOrEmpty(path) && !exists(path))
        {
            failures.Add($"{Section}:{setting} '{path}' does not exist (install the Debian package pocketsphinx-en-us, or point it at a model).");
        }
    }

    private static void HttpUrl(string? url, string feature, List<string> failures)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:{feature}:OpenAI:BaseUrl must be an absolute http(s) URL when {Section}:{feature}:Provider is 'openai'.");
        }
    }

    private static bool OnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, executable)));
}
