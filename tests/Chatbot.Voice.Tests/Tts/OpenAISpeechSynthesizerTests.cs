using System.Net;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Voice.Tests.Support;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.OpenAI;
using Xunit;

namespace Chatbot.Voice.Tests.Tts;

public sealed class OpenAISpeechSynthesizerTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("pcm")]
    [InlineData("wav")]
    public async Task SynthesizeAsync_StreamedAudio_ResampledToTheRequestedRate(string format)
    {
        var synthesizer = Synthesizer(format, voice: "nova");

        var samples = await CollectAsync(synthesizer, "Hello there.", new SpeechSynthesisOptions { SampleRate = 16_000 });

        Assert.InRange(samples.Length, 8_000, 8_000 + 60); // half a second, and the resampler's delay
        Assert.InRange(Signals.ZeroCrossingFrequency(samples.AsSpan(800), 16_000), 430, 450);
        var request = Assert.Single(_server.Audio.SpeechRequests);
        Assert.Equal("tts-test", request.GetProperty("model").GetString());
        Assert.Equal("Hello there.", request.GetProperty("input").GetString());
        Assert.Equal("nova", request.GetProperty("voice").GetString());
        Assert.Equal(format, request.GetProperty("response_format").GetString());
    }

    [Fact]
    public async Task SynthesizeAsync_VoiceInTheCall_WinsOverTheConfiguredOne()
    {
        await CollectAsync(Synthesizer("pcm", voice: null), "Hi.", new SpeechSynthesisOptions { Voice = "echo" });

        Assert.Equal("echo", Assert.Single(_server.Audio.SpeechRequests).GetProperty("voice").GetString());
    }

    [Fact]
    public async Task SynthesizeAsync_ErrorStatus_ThrowsWithTheStatus()
    {
        _server.Audio.StatusCode = 429;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => CollectAsync(Synthesizer("pcm", null), "Hi.", new SpeechSynthesisOptions()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    private OpenAISpeechSynthesizer Synthesizer(string format, string? voice) => new(
        _http, new OpenAISpeechOptions { BaseUrl = _server.BaseUrl.ToString(), ApiKey = "sk-test", Model = "tts-test", ResponseFormat = format }, voice);

    private static async Task<short[]> CollectAsync(ISpeechSynthesizer synthesizer, string text, SpeechSynthesisOptions options)
    {
        var all = new List<short>();
        await foreach (var chunk in synthesizer.SynthesizeAsync(text, options, TestContext.Current.CancellationToken))
        {
            all.AddRange(chunk);
        }

        return [.. all];
    }
}
