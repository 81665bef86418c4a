using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Sessions;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

public sealed class VoiceSessionSetupTests
{
    private static readonly VoiceOptions Defaults = new();

    [Fact]
    public void TryCreate_SpecExample_UsesTheSessionsFormatDurationsAndLimits()
    {
        var start = new VoiceSessionStart
        {
            ConversationId = "conv_123", Codec = "opus", SampleRate = 16_000, Language = "en-US",
            Vad = new VoiceVadSettings { Enable = true, MinSpeechMs = 200, MinSilenceMs = 250 },
        };

        Assert.True(VoiceSessionSetup.TryCreate(start, Defaults, "vs_1", out var options, out var error));

        Assert.Null(error);
        Assert.Equal(AudioFormat.Create("opus", 16_000), options.Format);
        Assert.Equal((200, 250), (options.Vad!.MinSpeechMs, options.Vad.MinSilenceMs));
        Assert.Equal(Defaults.Vad.MinLevelDbfs, options.Vad.MinLevelDbfs);
        Assert.Equal("en-US", options.Recognition.Language);
        Assert.Equal("en-us", options.Voice);
        Assert.Equal("vs_1", options.TurnIdPrefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxUtterance);
        Assert.Equal(TimeSpan.FromMilliseconds(400), options.PlaybackLead);
    }

    [Fact]
    public void TryCreate_VadDisabled_HasNoDetector()
    {
        var start = new VoiceSessionStart { ConversationId = "c", Codec = "pcm16", SampleRate = 8_000, Vad = new VoiceVadSettings { Enable = false } };

        Assert.True(VoiceSessionSetup.TryCreate(start, Defaults, "vs_1", out var options, out _));

        Assert.Null(options.Vad);
    }

    [Theory]
    [InlineData("mp3", 16_000, null, null, null, "unsupported_format", "codec")]
    [InlineData("pcm16", 44_100, null, null, null, "unsupported_format", "sample_rate")]
    [InlineData("opus", 48_000, "en US!", null, null, "invalid_field", "lang")]
    [InlineData("opus", 48_000, "zh-CN", null, null, "unsupported_language", "lang")]
    [InlineData("opus", 48_000, "en", 10, null, "invalid_field", "vad.min_speech_ms")]
    [InlineData("opus", 48_000, "en", null, 20_000, "invalid_field", "vad.min_silence_ms")]
    public void TryCreate_BadField_ErrorNamesIt(string codec, int rate, string? lang, int? minSpeech, int? minSilence, string code, string field)
    {
        var start = new VoiceSessionStart
        {
            ConversationId = "c", Codec = codec, SampleRate = rate, Language = lang,
            Vad = new VoiceVadSettings { MinSpeechMs = minSpeech, MinSilenceMs = minSilence },
        };

        Assert.False(VoiceSessionSetup.TryCreate(start, Defaults, "vs_1", out _, out var error));

        Assert.Equal((VoiceEventTypes.Error, code, field), (error!.Type, error.Code, error.Field));
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_ChineseWithAnOpenAIRecognizer_SpeaksWithTheMandarinVoice()
    {
        var options = new VoiceOptions { Asr = new AsrOptions { Provider = AsrProviders.OpenAI } };
        var start = new VoiceSessionStart { ConversationId = "c", Codec = "opus", SampleRate = 48_000, Language = "zh-CN" };

        Assert.True(VoiceSessionSetup.TryCreate(start, options, "vs_1", out var pipeline, out _));

        Assert.Equal("cmn", pipeline.Voice);
        Assert.Equal("zh-CN", pipeline.Recognition.Language);
    }

    [Fact]
    public void TryCreate_InvalidDataset_NamesDatasetIds()
    {
        var start = new VoiceSessionStart { ConversationId = "c", Codec = "opus", SampleRate = 48_000, DatasetIds = ["ok", "not/ok"] };

        Assert.False(VoiceSessionSetup.TryCreate(start, Defaults, "vs_1", out _, out var error));

        Assert.Equal("dataset_ids", error!.Field);
    }
}
