using System.ComponentModel.DataAnnotations;

namespace Chatbot.AI.Conversations;

/// <summary>Limits of conversations (<c>Chatbot:Conversations</c>).</summary>
public sealed class ConversationOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Conversations";

    /// <summary>Most recent stored messages sent to the model with each turn (1–200). Default 20.</summary>
    [Range(1, 200)]
    public int ContextMessages { get; set; } = 20;

    /// <summary>Longest accepted user message, in characters (1–1,000,000). Default 8000.</summary>
    [Range(1, 1_000_000)]
    public int MaxMessageChars { get; set; } = 8000;

    /// <summary>Recent turns whose request ids (and events, for resuming) are remembered (1–1000). Default 20.</summary>
    [Range(1, 1000)]
    public int IdempotencyWindow { get; set; } = 20;

    /// <summary>Passages retrieved from the knowledge base for each turn when the request sets no <c>top_k</c> (1–50). Default 5.</summary>
    [Range(1, 50)]
    public int RetrievalTopK { get; set; } = 5;

    /// <summary>Longest conversation title derived from the first message, in characters. Default 60.</summary>
    [Range(8, 400)]
    public int MaxTitleChars { get; set; } = 60;
}
