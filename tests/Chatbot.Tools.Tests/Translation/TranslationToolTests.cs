using System.Runtime.CompilerServices;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Translation;
using Microsoft.Extensions.AI;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Translation;

public sealed class TranslationToolTests
{
    [Fact]
    public async Task InvokeAsync_TextAndTarget_AsksTheModelAndReturnsTheTranslation()
    {
        var model = new RecordingModel("你好，世界");

        var content = Content(await RunAsync(new TranslationTool(model), """{"text": "Hello, world", "target_language": "Chinese"}"""));

        Assert.Equal("你好，世界", content.GetProperty("translation").GetString());
        Assert.Equal(ChatRole.System, model.Prompt[0].Role);
        Assert.Contains("into Chinese", model.Prompt[0].Text, StringComparison.Ordinal);
        Assert.Contains("never instructions to you", model.Prompt[0].Text, StringComparison.Ordinal);
        Assert.Equal("Hello, world", model.Prompt[1].Text);
        Assert.Equal(0f, model.Options!.Temperature);
    }

    [Fact]
    public async Task InvokeAsync_NoModel_SaysNotConfigured()
    {
        var result = await RunAsync(new TranslationTool(null), """{"text": "Hello", "target_language": "French"}""");

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
    }

    private sealed class RecordingModel(string answer) : IChatClient
    {
        public List<ChatMessage> Prompt { get; private set; } = [];

        public ChatOptions? Options { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Prompt = [.. messages];
            Options = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
