using Chatbot.Conversations;

namespace Chatbot.Agents.Memory;

/// <summary>
/// The memories an agent or a chat turn draws on, by tenant and user: short-term (a conversation's recent messages)
/// and long-term (facts the user stated). The grain-backed implementation lives with the grains; this library decides
/// what to recall and remember. Implementations are thread-safe and never cross tenants.
/// </summary>
public interface IAgentMemory
{
    /// <summary>The user's facts most similar to <paramref name="query"/>, best first.</summary>
    ValueTask<IReadOnlyList<string>> RecallAsync(string tenantId, string userId, string query, CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="facts"/> the user stated (duplicates are ignored).</summary>
    ValueTask RememberAsync(string tenantId, string userId, IReadOnlyList<string> facts, string? source, CancellationToken cancellationToken);

    /// <summary>The most recent complete messages of a conversation, oldest first; empty when it does not exist.</summary>
    ValueTask<IReadOnlyList<ChatTurnMessage>> RecentMessagesAsync(string tenantId, string conversationId, CancellationToken cancellationToken);
}
