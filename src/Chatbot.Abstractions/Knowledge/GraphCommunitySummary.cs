namespace Chatbot.Knowledge;

/// <summary>
/// An extractive summary of one community of a dataset's graph: its most connected entities and the sentences tying
/// them together. Computed by the knowledge base after its index job settles; answers broad questions.
/// </summary>
/// <param name="Level">Hierarchy level, 0 for the finest.</param>
/// <param name="Id">Community id within the level.</param>
/// <param name="Size">Entities in the community.</param>
/// <param name="Title">The three most connected entities.</param>
/// <param name="Text">The title, then the most central sentences.</param>
/// <param name="Entities">The most connected entities, most connected first.</param>
/// <param name="Chunks">The chunks the sentences are quoted from.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphCommunitySummary")]
public sealed record GraphCommunitySummary(
    [property: Id(0)] int Level,
    [property: Id(1)] int Id,
    [property: Id(2)] int Size,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] IReadOnlyList<GraphEntityRef> Entities,
    [property: Id(6)] IReadOnlyList<GraphChunkRecord> Chunks);
