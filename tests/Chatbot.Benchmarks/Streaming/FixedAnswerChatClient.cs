using System.Runtime.CompilerServices;
using Chatbot.Benchmarks.Profiling;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// A model with no latency: streams <see cref="FixedAnswer.Pieces"/> and then the usage. With
/// <paramref name="yieldBetweenTokens"/> each token arrives in its own continuation, as tokens of a real model arrive from
/// the network; without it the whole answer is produced synchronously. Thread-safe.
/// </summary>
internal sealed class FixedAnswerChatClient(bool yieldBetweenTokens, TurnProbe? probe = null) : IChatClient
{
    private long _calls;

    /// <summary>Streaming calls received so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, FixedAnswer.Text)) { Usage = Usage() });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        probe?.ModelStarted(messages);
        foreach (var piece in FixedAnswer.Pieces)
        {
            if (yieldBetweenTokens)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }

        yield return new ChatResponseUpdate { Role = ChatRole.Assistant, Contents = [new UsageContent(Usage())] };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static UsageDetails Usage() => new()
    {
        InputTokenCount = FixedAnswer.InputTokens,
        OutputTokenCount = FixedAnswer.TokenCount,
        TotalTokenCount = FixedAnswer.InputTokens + FixedAnswer.TokenCount,
    };
}
