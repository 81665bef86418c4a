using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Chatbot.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Grains.Memory;

/// <summary>The agents' memory over the grains: long-term facts in <see cref="IUserMemoryGrain"/>, short-term messages from the conversation grain. Thread-safe.</summary>
public sealed class GrainAgentMemory(IGrainFactory grains, IOptionsMonitor<AgentsOptions> options) : IAgentMemory
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> RecallAsync(string tenantId, string userId, string query, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var recalled = await grains.GetGrain<IUserMemoryGrain>(UserKey.Format(tenantId, userId)).RecallAsync(query, settings.RecallTopK, settings.RecallMinScore);
        return [.. recalled.Select(r => r.Fact.Text)];
    }

    /// <inheritdoc />
    public async ValueTask RememberAsync(string tenantId, string userId, IReadOnlyList<string> facts, string? source, CancellationToken cancellationToken) =>
        await grains.GetGrain<IUserMemoryGrain>(UserKey.Format(tenantId, userId)).RememberAsync(facts, MemoryFactKinds.Stated, source);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ChatTurnMessage>> RecentMessagesAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await grains.GetGrain<IConversationGrain>(ConversationKey.Format(tenantId, conversationId)).GetAsync();
        var messages = PromptBuilder.FromStored(conversation?.Messages ?? []);
        return [.. messages.Skip(Math.Max(0, messages.Count - options.CurrentValue.ShortTermMessages))];
    }
}
