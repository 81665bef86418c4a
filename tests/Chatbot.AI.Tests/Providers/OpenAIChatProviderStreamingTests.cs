using Chatbot.AI.Chat;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Providers;

/// <summary>The <c>openai</c> provider, composed by <c>AddChatbotChatModel</c>, against a real fake endpoint.</summary>
public sealed class OpenAIChatProviderStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStreamingResponseAsync_ScriptedPieces_StreamsPiecesInOrder()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Text("Paris", " is", " the", " capital", "."));

        var texts = new List<string>();
        await foreach (var update in model.Client.GetStreamingResponseAsync("Capital of France?", cancellationToken: Ct))
        {
            if (update.Text.Length > 0)
            {
                texts.Add(update.Text);
            }
        }

        Assert.Equal(["Paris", " is", " the", " capital", "."], texts);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Prompt_SendsModelKeyMessagesAndTemperature()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        List<ChatMessage> prompt =
        [
            new(ChatRole.System, "Answer from the sources."),
            new(ChatRole.User, "What is our refund policy?"),
            new(ChatRole.Assistant, "Refunds within 30 days."),
            new(ChatRole.User, "And for digital goods?"),
        ];

        await model.Client.GetStreamingResponseAsync(prompt, new ChatOptions { Temperature = 0.25f }, Ct).ToChatResponseAsync(Ct);

        var request = Assert.Single(model.Server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {OpenAIModelHost.ApiKey}", request.Authorization);
        Assert.Equal(OpenAIModelHost.Model, request.Model);
        Assert.True(request.Stream);
        Assert.Equal(0.25, request.Temperature!.Value, 3);
        Assert.Equal(
            [
                new FakeMessage("system", "Answer from the sources."),
                new FakeMessage("user", "What is our refund policy?"),
                new FakeMessage("assistant", "Refunds within 30 days."),
                new FakeMessage("user", "And for digital goods?"),
            ],
            request.Messages);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_EndpointSendsUsageChunk_ReportsUsage()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Text("Yes", ".") with { PromptTokens = 42, CompletionTokens = 2 });

        var response = await model.Client.GetStreamingResponseAsync("Is it open?", cancellationToken: Ct).ToChatResponseAsync(Ct);

        Assert.True(Assert.Single(model.Server.Requests).IncludeUsage, "stream_options.include_usage must be requested");
        Assert.Equal("Yes.", response.Text);
        Assert.NotNull(response.Usage);
        Assert.Equal(42, response.Usage.InputTokenCount);
        Assert.Equal(2, response.Usage.OutputTokenCount);
        Assert.Equal(44, response.Usage.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_NonStreaming_ReturnsTextAndUsage()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        model.Server.Enqueue(FakeReply.Text("你好", "！") with { PromptTokens = 5, CompletionTokens = 3 });

        var response = await model.Client.GetResponseAsync("你好", cancellationToken: Ct);

        Assert.False(Assert.Single(model.Server.Requests).Stream);
        Assert.Equal("你好！", response.Text);
        Assert.Equal(8, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ConnectionAbortedMidStream_ThrowsAfterEarlierPiecesAsModelError()
    {
        await using var model = await OpenAIModelHost.StartAsync(Ct);
        var delivered = new FakeGate();
        model.Server.Enqueue(FakeReply.Text("One", " two", " three", " four").StallingAfter(2, delivered).AbortingAfter(2));
        await using var updates = model.Client.GetStreamingResponseAsync("Count", cancellationToken: Ct).GetAsyncEnumerator(Ct);

        // The abort resets the connection, which drops unread bytes: let the client read the two pieces first.
        var before = await updates.ReadUntilAsync("One two");
        delivered.Release();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => updates.ReadToEndAsync());

        Assert.Equal("One two", before);
        Assert.Equal(ModelErrors.Failed, ModelErrors.Describe(error).Code);
        Assert.Single(model.Server.Requests); // answer text had arrived: never retried
    }
}
