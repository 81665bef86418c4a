using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.OpenAI;
using Chatbot.Voice.Asr.PocketSphinx;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;
using Chatbot.Voice.Tts.OpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Voice;

/// <summary>Registers the speech engines.</summary>
public static class VoiceServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client of the openai transcription provider.</summary>
    public const string AsrHttpClientName = "chatbot-voice-asr";

    /// <summary>Name of the HTTP client of the openai speech provider.</summary>
    public const string TtsHttpClientName = "chatbot-voice-tts";

    /// <summary>
    /// Adds <see cref="VoiceOptions"/> from <c>Chatbot:Voice</c> (validated at start-up), the <see cref="NativeCallGate"/>
    /// bounding engine work, and singletons of <see cref="ISpeechRecognizer"/> and <see cref="ISpeechSynthesizer"/> for
    /// the configured providers. Engines load their models on first use. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddChatbotVoice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(NativeCallGate)))
        {
            return services;
        }

        services.AddOptions<VoiceOptions>().Bind(configuration.GetSection(VoiceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>());
        services.AddSingleton(sp => new NativeCallGate(Options(sp).MaxConcurrentNativeCalls));
        services.AddHttpClient(AsrHttpClientName, (sp, client) => client.Timeout = TimeSpan.FromSeconds(Options(sp).Asr.OpenAI.TimeoutSeconds));
        services.AddHttpClient(TtsHttpClientName, (sp, client) => client.Timeout = TimeSpan.FromSeconds(Options(sp).Tts.OpenAI.TimeoutSeconds));
        services.AddSingleton<ISpeechRecognizer>(CreateRecognizer);
        services.AddSingleton<ISpeechSynthesizer>(CreateSynthesizer);
        return services;
    }

    private static ISpeechRecognizer CreateRecognizer(IServiceProvider services)
    {
        var options = Options(services);
        var maxUtterance = TimeSpan.FromSeconds(options.MaxSessionBufferSeconds);
        return options.Asr.Provider switch
        {
            AsrProviders.OpenAI => new OpenAITranscriptionRecognizer(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(AsrHttpClientName), options.Asr.OpenAI, maxUtterance),
            _ => new PocketSphinxRecognizer(options.Asr.PocketSphinx, services.GetRequiredService<NativeCallGate>(), maxUtterance,
                services.GetService<ILogger<PocketSphinxRecognizer>>() ?? NullLogger<PocketSphinxRecognizer>.Instance),
        };
    }

    private static ISpeechSynthesizer CreateSynthesizer(IServiceProvider services)
    {
        var options = Options(services);
        return options.Tts.Provider switch
        {
            TtsProviders.OpenAI => new OpenAISpeechSynthesizer(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(TtsHttpClientName), options.Tts.OpenAI, options.Tts.Voice),
            _ => new EspeakNgSynthesizer(services.GetRequiredService<NativeCallGate>(), options.Tts),
        };
    }

    private static VoiceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<VoiceOptions>>().Value;
}
