using System.Text.Json.Serialization;

namespace Chatbot.Conversations;

/// <summary>Kinds of <see cref="ChatEvent"/>, as sent in the SSE <c>type</c> field.</summary>
public static class ChatEventTypes
{
    /// <summary>A piece of answer text.</summary>
    public const string Delta = "delta";

    /// <summary>The references (sources) the answer was grounded on.</summary>
    public const string Refs = "refs";

    /// <summary>The answer is complete; carries token usage. Always the last event of a successful turn.</summary>
    public const string Done = "done";

    /// <summary>The turn failed; carries a code and message. Always the last event of a failed turn.</summary>
    public const string Error = "error";
}

/// <summary>
/// One event of a turn's answer stream. <see cref="Seq"/> starts at 1 and strictly increases within a turn; it is the SSE
/// <c>id</c>, so a client that reconnects with <c>Last-Event-ID: k</c> receives events with <c>Seq &gt; k</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.ChatEvent")]
public sealed record ChatEvent
{
    /// <summary>One of <see cref="ChatEventTypes"/>.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>Position in the turn's stream, starting at 1.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>Answer text for <see cref="ChatEventTypes.Delta"/>.</summary>
    [Id(2)] public string? Content { get; init; }

    /// <summary>Sources for <see cref="ChatEventTypes.Refs"/>.</summary>
    [Id(3)] public IReadOnlyList<ChatReference>? References { get; init; }

    /// <summary>Token usage for <see cref="ChatEventTypes.Done"/>.</summary>
    [Id(4)] public TokenUsage? Usage { get; init; }

    /// <summary>Machine-readable error code for <see cref="ChatEventTypes.Error"/>.</summary>
    [Id(5)] public string? Code { get; init; }

    /// <summary>Human-readable error message for <see cref="ChatEventTypes.Error"/>.</summary>
    [Id(6)] public string? Message { get; init; }

    /// <summary>True for <see cref="ChatEventTypes.Done"/> and <see cref="ChatEventTypes.Error"/>.</summary>
    [JsonIgnore]
    public bool IsTerminal => Type is ChatEventTypes.Done or ChatEventTypes.Error;
}

/// <summary>A source an answer cites.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ChatReference")]
public sealed record ChatReference
{
    /// <summary>Citation number as it appears in the answer text (<c>[n]</c>).</summary>
    [Id(0)] public int Index { get; init; }

    /// <summary>Document id the passage came from.</summary>
    [Id(1)] public string DocumentId { get; init; } = "";

    /// <summary>Chunk id within the knowledge store.</summary>
    [Id(2)] public string ChunkId { get; init; } = "";

    /// <summary>Display name of the document.</summary>
    [Id(3)] public string? Title { get; init; }

    /// <summary>A short excerpt of the passage.</summary>
    [Id(4)] public string Snippet { get; init; } = "";

    /// <summary>Retrieval score (higher is better).</summary>
    [Id(5)] public double Score { get; init; }

    /// <summary>Dataset the document belongs to.</summary>
    [Id(6)] public string? DatasetId { get; init; }

    /// <summary>
    /// For a graph-grounded answer (<c>use_graph_rag</c>), on the passages stating a step of the path the answer follows:
    /// the path in arrow form, <c>Project Falcon → Alice Smith → Orion Group → Helios Foundation</c>. Null otherwise.
    /// </summary>
    [Id(7)] public string? Path { get; init; }

    /// <summary>The entities of <see cref="Path"/> in walking order (the last is the answer); null without a path.</summary>
    [Id(8)] public IReadOnlyList<string>? PathEntities { get; init; }
}

/// <summary>Token counts of one turn or accumulated over many.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.TokenUsage")]
public sealed record TokenUsage
{
    /// <summary>Tokens sent to the model (prompt).</summary>
    [Id(0)] public long InputTokens { get; init; }

    /// <summary>Tokens produced by the model (completion).</summary>
    [Id(1)] public long OutputTokens { get; init; }

    /// <summary>Sum of input and output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new() { InputTokens = a.InputTokens + b.InputTokens, OutputTokens = a.OutputTokens + b.OutputTokens };

    /// <summary>Named alternative to the + operator.</summary>
    public static TokenUsage Add(TokenUsage a, TokenUsage b) => a + b;

    /// <summary>No tokens.</summary>
    public static TokenUsage Zero { get; } = new();
}
