using System.Runtime.CompilerServices;
using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.AI.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Agents.Chat;

/// <summary>
/// Long-term memory in chat turns: for a turn with a known user (<see cref="TurnContext"/>), the facts most similar to
/// the question are recalled into a system message before it, and facts the question states ("my name is …",
/// "remember that …") are remembered. Memory trouble is logged and the turn goes on without it. Thread-safe.
/// </summary>
public sealed partial class UserMemoryChatClient(
    IChatClient innerClient, IAgentMemory memory, IOptionsMonitor<AgentsOptions> options, ILogger<UserMemoryChatClient>? logger = null)
    : DelegatingChatClient(innerClient)
{
    /// <summary>Key set (true) in the additional properties of the system message that carries recalled memories.</summary>
    public const string MemoryMessageKey = "chatbot.memory_message";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await base.GetResponseAsync(await PrepareAsync(messages, options, cancellationToken), options, cancellationToken);

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = await PrepareAsync(messages, options, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(prompt, options, cancellationToken))
        {
            yield return update;
        }
    }

    private async Task<IEnumerable<ChatMessage>> PrepareAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        if (TurnContext.TenantOf(chatOptions) is not { } tenant || TurnContext.UserOf(chatOptions) is not { } user)
        {
            return messages;
        }

        var prompt = messages.ToList();
        var last = prompt.FindLastIndex(m => m.Role == ChatRole.User);
        if (last < 0)
        {
            return prompt;
        }

        try
        {
            var question = prompt[last].Text;
            var recalled = options.CurrentValue.RecallTopK > 0 ? await memory.RecallAsync(tenant, user, question, cancellationToken) : [];
            var facts = FactExtractor.Extract(question);
            if (facts.Count > 0)
            {
                await memory.RememberAsync(tenant, user, facts, TurnContext.SourceOf(chatOptions), cancellationToken);
            }

            if (recalled.Count > 0)
            {
                prompt.Insert(last, new ChatMessage(ChatRole.System,
                    "What the user told you before (long-term memory; use it when relevant):\n- " + string.Join("\n- ", recalled))
                {
                    AdditionalProperties = new() { [MemoryMessageKey] = true },
                });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMemoryFailed(_logger, ex, tenant);
        }

        return prompt;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Long-term memory unavailable for a turn of tenant {TenantId}; answering without it")]
    private static partial void LogMemoryFailed(ILogger logger, Exception exception, string tenantId);
}
