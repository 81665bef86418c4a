using Chatbot.Testing.FakeOpenAI;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.OpenAI;
using Chatbot.Voice.Asr.PocketSphinx;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;
using Chatbot.Voice.Tts.OpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chatbot.Voice.Tests.Hosting;

public sealed class VoiceServiceCollectionExtensionsTests
{
    [Fact]
    public void AddChatbotVoice_Defaults_RegistersTheOfflineEngines()
    {
        using var services = Build([]);

        Assert.IsType<PocketSphinxRecognizer>(services.GetRequiredService<ISpeechRecognizer>());
        Assert.IsType<EspeakNgSynthesizer>(services.GetRequiredService<ISpeechSynthesizer>());
        var options = services.GetRequiredService<IOptions<VoiceOptions>>().Value;
        Assert.Equal((250, 500, 30), (options.Vad.MinSpeechMs, options.Vad.MinSilenceMs, options.MaxSessionBufferSeconds));
        Assert.Equal(options.MaxConcurrentNativeCalls, services.GetRequiredService<NativeCallGate>().MaxConcurrency);
    }

    [Fact]
    public void AddChatbotVoice_Settings_BindIntoEverySection()
    {
        using var services = Build(new()
        {
            ["Chatbot:Voice:Vad:MinSpeechMs"] = "300",
            ["Chatbot:Voice:Vad:MinSilenceMs"] = "800",
            ["Chatbot:Voice:Asr:PocketSphinx:PartialIntervalMs"] = "0",
            ["Chatbot:Voice:Tts:Voice"] = "cmn",
            ["Chatbot:Voice:MaxConcurrentNativeCalls"] = "3",
        });

        var options = services.GetRequiredService<IOptions<VoiceOptions>>().Value;

        Assert.Equal((300, 800, 0, "cmn"), (options.Vad.MinSpeechMs, options.Vad.MinSilenceMs, options.Asr.PocketSphinx.PartialIntervalMs, options.Tts.Voice));
        Assert.Equal(3, services.GetRequiredService<NativeCallGate>().MaxConcurrency);
    }

    [Fact]
    public async Task AddChatbotVoice_OpenAIProviders_TalkToTheConfiguredEndpoint()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAIServer.StartAsync(cancellationToken);
        using var services = Build(new()
        {
            ["Chatbot:Voice:Asr:Provider"] = "openai",
            ["Chatbot:Voice:Asr:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
            ["Chatbot:Voice:Tts:Provider"] = "openai",
            ["Chatbot:Voice:Tts:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
        });

        var recognizer = Assert.IsType<OpenAITranscriptionRecognizer>(services.GetRequiredService<ISpeechRecognizer>());
        Assert.IsType<OpenAISpeechSynthesizer>(services.GetRequiredService<ISpeechSynthesizer>());
        await using var stream = await recognizer.StartAsync(RecognitionOptions.General, cancellationToken);
        await stream.WriteAsync(new short[1600], cancellationToken);

        Assert.Equal(server.Audio.TranscriptionText, (await stream.CompleteAsync(cancellationToken)).Text);
        Assert.Equal("whisper-1", Assert.Single(server.Audio.Transcriptions).Model);
    }

    [Fact]
    public void AddChatbotVoice_BadSettings_FailValidationNamingEachSetting()
    {
        using var services = Build(new()
        {
            ["Chatbot:Voice:Asr:Provider"] = "openai",
            ["Chatbot:Voice:Tts:Provider"] = "festival",
            ["Chatbot:Voice:Vad:MinSpeechMs"] = "0",
            ["Chatbot:Voice:MaxSessionBufferSeconds"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VoiceOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Chatbot:Voice:Asr:OpenAI:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Chatbot:Voice:Tts:Provider", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Chatbot:Voice:Vad:MinSpeechMs", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Chatbot:Voice:MaxSessionBufferSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void AddChatbotVoice_MissingPocketSphinxModel_NamesThePathAndThePackage()
    {
        using var services = Build(new() { ["Chatbot:Voice:Asr:PocketSphinx:DictionaryPath"] = "/nonexistent/cmudict.dict" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VoiceOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Chatbot:Voice:Asr:PocketSphinx:DictionaryPath '/nonexistent/cmudict.dict'", failure, StringComparison.Ordinal);
        Assert.Contains("pocketsphinx-en-us", failure, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddChatbotVoice(configuration).BuildServiceProvider();
    }
}
