using System.ClientModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using OpenAI;
using OpenAI.Chat;
using Xunit;

namespace Chatbot.EndToEnd.Tests.OpenAICompatibility;

/// <summary>
/// <c>/v1/chat/completions</c> through the official OpenAI .NET SDK, pointed at the gateway with a platform token as
/// its API key: existing OpenAI clients work unchanged.
/// </summary>
public sealed class ChatCompletionsTests(OpenAIGatewayFixture fixture) : IClassFixture<OpenAIGatewayFixture>
{
    private const string Greeting = "Hello! I answer questions from your organisation's knowledge bases. What would you like to know?";

    [Fact]
    public async Task CompleteChatStreaming_OfficialSdk_StreamsEmbeddedAnswerWithUsage()
    {
        var client = CreateClient();
        var text = new StringBuilder();
        var pieces = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;

        await foreach (var update in client.CompleteChatStreamingAsync(
            [new SystemChatMessage("Be brief."), new UserChatMessage("hello")], cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                pieces++;
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.Equal(Greeting, text.ToString());
        Assert.True(pieces > 1, $"The answer arrived in {pieces} piece(s); it should stream word by word.");
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 0);
        Assert.True(usage.InputTokenCount > 0);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
    }

    [Fact]
    public async Task CompleteChat_OfficialSdk_ReturnsEmbeddedAnswerWithUsage()
    {
        var client = CreateClient();

        ChatCompletion completion = await client.CompleteChatAsync(
            [new UserChatMessage("What is our travel expense policy?")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(
            "I don't have any knowledge to answer that from yet. Upload documents to a knowledge base and ask again.",
            Assert.Single(completion.Content).Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChatCompletionsStream_IncludeUsageOption_SendsUsageChunkOnlyWhenAsked(bool includeUsage)
    {
        var ct = TestContext.Current.CancellationToken;
        var http = fixture.Server.Client;
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                model = "chatbot-embedded",
                stream = true,
                stream_options = new { include_usage = includeUsage },
                messages = new[] { new { role = "user", content = "hello" } },
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("acme"));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var data = (await response.Content.ReadAsStringAsync(ct))
            .Split('\n')
            .Where(line => line.StartsWith("data: ", StringComparison.Ordinal))
            .Select(line => line["data: ".Length..])
            .ToList();

        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonDocument.Parse(d).RootElement).ToList();
        var usageChunks = chunks.Where(c => c.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object).ToList();
        if (includeUsage)
        {
            var usage = Assert.Single(usageChunks);
            Assert.Equal(0, usage.GetProperty("choices").GetArrayLength());
            Assert.True(usage.GetProperty("usage").GetProperty("completion_tokens").GetInt64() > 0);
        }
        else
        {
            Assert.Empty(usageChunks);
        }
    }

    private ChatClient CreateClient() =>
        new("chatbot-embedded", new ApiKeyCredential(TestTokens.For("acme")), new OpenAIClientOptions
        {
            Endpoint = new Uri(fixture.Server.BaseAddress, "v1"),
        });
}
