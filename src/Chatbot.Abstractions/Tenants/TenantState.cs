using Chatbot.Conversations;

namespace Chatbot.Tenants;

/// <summary>Persistent state of a <see cref="ITenantGrain"/>.</summary>
[GenerateSerializer, Alias("chatbot.TenantState")]
public sealed class TenantState
{
    /// <summary>The tenant's conversations by id.</summary>
    [Id(0)] public Dictionary<string, ConversationSummary> Conversations { get; set; } = [];

    /// <summary>Accumulated token usage.</summary>
    [Id(1)] public TokenUsage Usage { get; set; } = TokenUsage.Zero;

    /// <summary>The tenant's knowledge-base dataset ids with when each was created.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Datasets { get; set; } = [];
}
