using Chatbot.AI.Chat;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Providers;

/// <summary>Retries of the <c>openai</c> provider (2 retries, no delay here): only before the answer starts.</summary>
public sealed class OpenAIChatProviderRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStreamingResponseAsync_ServiceUnavailableTwice_RetriesAndSucceeds()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Status(503), FakeReply.Status(503), FakeReply.Text("Back", " again"));

        var response = await model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct);

        Assert.Equal("Back again", response.Text);
        Assert.Equal(3, model.Server.Requests.Count);
        Assert.All(model.Server.Requests, r => Assert.Equal(OpenAIModelHost.Model, r.Model));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TooManyRequestsWithRetryAfter_RetriesAndSucceeds()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Status(429, retryAfterSeconds: 0), FakeReply.Text("Served"));

        var response = await model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct);

        Assert.Equal("Served", response.Text);
        Assert.Equal(2, model.Server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ServiceUnavailableBeyondRetries_FailsWithModelError()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct, null, ("MaxRetries", "1"));
        model.Server.Enqueue(FakeReply.Status(503), FakeReply.Status(503), FakeReply.Text("Too late"));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct));

        var (code, message) = ModelErrors.Describe(error);
        Assert.Equal(ModelErrors.Failed, code);
        Assert.Contains("503", message, StringComparison.Ordinal);
        Assert.Equal(2, model.Server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_BadRequest_IsNotRetried()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Status(400), FakeReply.Text("Never"));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct));

        Assert.Equal(ModelErrors.Failed, ModelErrors.Describe(error).Code);
        Assert.Single(model.Server.Requests);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("10", "600")]
    public async Task GetStreamingResponseAsync_RetryAndTimeoutLimits_BuildAValidPipeline(string maxRetries, string timeoutSeconds)
    {
        await using var model = await OpenAIModelHost.StartAsync(
            Ct, null, ("MaxRetries", maxRetries), ("TimeoutSeconds", timeoutSeconds), ("StreamIdleTimeoutSeconds", "600"));

        var response = await model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct);

        Assert.Equal("Hello from the fake model.", response.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ServiceUnavailableWithoutRetries_FailsAfterOneRequest()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct, null, ("MaxRetries", "0"));
        model.Server.Enqueue(FakeReply.Status(503), FakeReply.Text("Never"));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => model.Client.GetStreamingResponseAsync("Hello?", cancellationToken: Ct).ToChatResponseAsync(Ct));

        Assert.Equal(ModelErrors.Failed, ModelErrors.Describe(error).Code);
        Assert.Single(model.Server.Requests);
    }
}
