using System.Runtime.CompilerServices;
using Chatbot.AI.Chat;
using Chatbot.AI.Grounding;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Providers.Embedded;

/// <summary>
/// The offline provider: an honest grounded answerer, not a generative model. It answers small talk briefly and,
/// when the prompt carries no knowledge to answer from, says so instead of inventing an answer. Answers stream word by word.
/// </summary>
internal sealed class EmbeddedChatClient(EmbeddedModelOptions options, TimeProvider timeProvider) : IChatClient
{
    internal const string NoKnowledgeEnglish =
        "I don't have any knowledge to answer that from yet. Upload documents to a knowledge base and ask again.";

    internal const string NoKnowledgeChinese = "我还没有可以用来回答这个问题的知识。请先把文档上传到知识库，然后再问一次。";

    internal const string UnansweredEnglish = "I don't know: the knowledge base has nothing that answers this question.";

    internal const string UnansweredChinese = "我不知道：知识库里没有能回答这个问题的内容。";

    private readonly ChatClientMetadata _metadata = new("embedded", providerUri: null, options.ModelId);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (answer, unanswered) = Answer(prompt, GroundingContext.SourcesOf(chatOptions), GroundingContext.PathsOf(chatOptions));
        var responseId = Guid.NewGuid().ToString("N");
        var delay = TimeSpan.FromMilliseconds(options.WordDelayMs);

        foreach (var piece in WordSplitter.Split(answer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ResponseId = responseId, ModelId = options.ModelId };
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        var usage = new UsageDetails
        {
            InputTokenCount = prompt.Sum(m => TokenEstimator.Count(m.Text)),
            OutputTokenCount = TokenEstimator.Count(answer),
        };
        usage.TotalTokenCount = usage.InputTokenCount + usage.OutputTokenCount;
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)])
        {
            ResponseId = responseId,
            ModelId = options.ModelId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = unanswered ? new() { [GroundingContext.UnansweredKey] = true } : null,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    // Small talk gets a brief reply; a question is answered only with sentences quoted from the sources, cited (a graph
    // path's sentences, led by its answer entity, for a multi-hop question), or honestly not at all.
    private static (string Answer, bool Unanswered) Answer(
        IReadOnlyList<ChatMessage> prompt, IReadOnlyList<GroundingSource> sources, IReadOnlyList<GroundingPath> paths)
    {
        var question = prompt.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        if (SmallTalk.Reply(question) is { } reply)
        {
            return (reply, false);
        }

        var chinese = question.Any(TokenEstimator.IsCjk);
        if (sources.Count == 0)
        {
            return (chinese ? NoKnowledgeChinese : NoKnowledgeEnglish, false);
        }

        return ExtractiveAnswerer.Answer(question, sources, paths) is { } extracted
            ? (extracted, false)
            : (chinese ? UnansweredChinese : UnansweredEnglish, true);
    }
}
