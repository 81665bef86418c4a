using System.Net;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.OpenAI;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class OpenAITranscriptionRecognizerTests : IAsyncLifetime
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

    [Fact]
    public async Task CompleteAsync_PostsTheUtteranceAsWavWithModelLanguageAndDomainPrompt()
    {
        _server.Audio.TranscriptionText = " what is the refund policy ";
        var recognizer = Recognizer(TimeSpan.FromSeconds(30));
        var audio = Signals.Sine(300, 16_000, 1.0, amplitude: 0.2);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await recognizer.StartAsync(
            new RecognitionOptions { Domain = SupportCorpus.Domain, Language = "en-US" }, cancellationToken);

        var partial = await stream.WriteAsync(audio, cancellationToken);
        var final = await stream.CompleteAsync(cancellationToken);

        Assert.Null(partial);
        Assert.Equal(new RecognitionResult("what is the refund policy", IsFinal: true), final);
        var request = Assert.Single(_server.Audio.Transcriptions);
        Assert.Equal(("whisper-test", "en", "json", "Bearer sk-test"), (request.Model, request.Language, request.ResponseFormat, request.Authorization));
        Assert.Equal(("utterance.wav", "audio/wav"), (request.FileName, request.FileContentType));
        Assert.StartsWith("our refund policy covers damaged goods", request.Prompt, StringComparison.Ordinal);
        Assert.InRange(request.Prompt!.Length, 1, OpenAITranscriptionRecognizer.MaxPromptCharacters);
        var (sent, rate) = WavFile.Read(request.File);
        Assert.Equal(16_000, rate);
        Assert.Equal(audio, sent);
    }

    [Fact]
    public async Task CompleteAsync_ErrorStatus_ThrowsWithTheStatus()
    {
        _server.Audio.StatusCode = 503;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await Recognizer(TimeSpan.FromSeconds(30)).StartAsync(RecognitionOptions.General, cancellationToken);
        await stream.WriteAsync(new short[320], cancellationToken);

        var error = await Assert.ThrowsAsync<HttpRequestException>(async () => await stream.CompleteAsync(cancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task WriteAsync_PastTheBufferLimit_Throws()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await Recognizer(TimeSpan.FromSeconds(1)).StartAsync(RecognitionOptions.General, cancellationToken);
        await stream.WriteAsync(new short[16_000], cancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.WriteAsync(new short[320], cancellationToken));
        Assert.Equal(TimeSpan.FromSeconds(1), stream.Duration);
    }

    [Fact]
    public async Task CompleteAsync_Twice_Throws()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await Recognizer(TimeSpan.FromSeconds(30)).StartAsync(RecognitionOptions.General, cancellationToken);
        await stream.CompleteAsync(cancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.CompleteAsync(cancellationToken));
        Assert.Null(Assert.Single(_server.Audio.Transcriptions).Prompt);
    }

    private OpenAITranscriptionRecognizer Recognizer(TimeSpan maxUtterance) => new(
        _http, new OpenAITranscriptionOptions { BaseUrl = _server.BaseUrl.ToString(), ApiKey = "sk-test", Model = "whisper-test" }, maxUtterance);
}
