using Orleans.Concurrency;
using Chatbot.Conversations;

namespace Chatbot.Tenants;

/// <summary>
/// Per-tenant registry keyed by the tenant id: the conversation index and accumulated token usage. Called once when a
/// conversation is created or deleted and (one-way) after each turn for usage; never on the token hot path.
/// </summary>
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates a conversation in the index.</summary>
    Task RegisterConversationAsync(ConversationSummary summary);

    /// <summary>Removes a conversation from the index.</summary>
    Task RemoveConversationAsync(string conversationId);

    /// <summary>A page of conversations, most recently updated first.</summary>
    Task<ConversationPage> ListConversationsAsync(int offset, int limit);

    /// <summary>Adds the usage of a turn to the tenant's total. Fire-and-forget; persisted in batches.</summary>
    [OneWay]
    Task RecordUsageAsync(TokenUsage usage);

    /// <summary>The tenant's accumulated usage.</summary>
    Task<TokenUsage> GetUsageAsync();

    /// <summary>Adds a knowledge-base dataset to the tenant's index (idempotent). Written through.</summary>
    Task RegisterDatasetAsync(string datasetId, DateTimeOffset createdAt);

    /// <summary>Removes a dataset from the index.</summary>
    Task RemoveDatasetAsync(string datasetId);

    /// <summary>The tenant's dataset ids, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListDatasetsAsync();
}
