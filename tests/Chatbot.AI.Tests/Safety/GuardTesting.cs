using System.Runtime.CompilerServices;
using Chatbot.AI.Chat;
using Chatbot.Safety.Guards;
using Chatbot.Safety.Hosting;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Tests.Safety;

/// <summary>The safety services as the pipeline gets them, configured by <c>Chatbot:Safety:*</c> settings.</summary>
internal sealed class GuardTesting : IDisposable
{
    private readonly ServiceProvider _services;

    public GuardTesting(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        _services = new ServiceCollection().AddMetrics().AddChatbotSafety(configuration).BuildServiceProvider();
    }

    public ContentGuard Guard => _services.GetRequiredService<ContentGuard>();

    public PiiDetector Detector => _services.GetRequiredService<PiiDetector>();

    public IOptionsMonitor<GuardOptions> Options => _services.GetRequiredService<IOptionsMonitor<GuardOptions>>();

    public static ChatOptions For(string tenant) => new() { AdditionalProperties = TurnContext.Properties(tenant) };

    public void Dispose() => _services.Dispose();

    /// <summary>An inner model that streams the given pieces, then a usage update, and records the prompt it got.</summary>
    public sealed class PiecesChatClient(params string[] pieces) : IChatClient
    {
        public List<ChatMessage> Prompt { get; } = [];

        public ChatOptions? Options { get; private set; }

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Prompt.AddRange(messages);
            Options = options;
            foreach (var piece in pieces)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { OutputTokenCount = pieces.Length })]);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
