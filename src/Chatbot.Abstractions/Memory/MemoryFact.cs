namespace Chatbot.Memory;

/// <summary>How a long-term memory came to be.</summary>
public static class MemoryFactKinds
{
    /// <summary>The user stated it in a chat turn or an agent task ("my name is …", "remember that …").</summary>
    public const string Stated = "stated";

    /// <summary>The user confirmed it explicitly (<c>POST /api/v1/memory</c>).</summary>
    public const string Confirmed = "confirmed";
}

/// <summary>One long-term memory of a user: a fact in the user's own words. Immutable.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.MemoryFact")]
public sealed record MemoryFact
{
    /// <summary>Stable id, for viewing and deleting.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The fact.</summary>
    [Id(1)] public required string Text { get; init; }

    /// <summary>One of <see cref="MemoryFactKinds"/>.</summary>
    [Id(2)] public required string Kind { get; init; }

    /// <summary>Where it was stated (a conversation or run id), when known.</summary>
    [Id(3)] public string? Source { get; init; }

    /// <summary>When it was first remembered.</summary>
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A memory recalled for a query, with its similarity (cosine, -1–1; higher is closer).</summary>
[GenerateSerializer, Immutable, Alias("chatbot.RecalledFact")]
public sealed record RecalledFact(
    [property: Id(0)] MemoryFact Fact,
    [property: Id(1)] double Score);

/// <summary>A page of memories, newest first.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.MemoryPage")]
public sealed record MemoryPage(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<MemoryFact> Items);
