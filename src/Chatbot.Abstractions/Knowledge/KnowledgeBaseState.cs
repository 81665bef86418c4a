namespace Chatbot.Knowledge;

/// <summary>
/// Persistent state of an <see cref="IKnowledgeBaseGrain"/>: small by design (the dataset's settings). The document
/// registry, document bytes and chunks live in the knowledge store. The registry's document states double as the index
/// job's persisted stage: a document still <see cref="DocumentState.Pending"/> or <see cref="DocumentState.Indexing"/>
/// when the grain activates is indexed again.
/// </summary>
[GenerateSerializer, Alias("chatbot.KnowledgeBaseState")]
public sealed class KnowledgeBaseState
{
    /// <summary>Chunk and index settings in force.</summary>
    [Id(0)] public IndexSettings Settings { get; set; } = new();

    /// <summary>Partitions the dataset's chunks are spread over; 0 until the dataset is created.</summary>
    [Id(1)] public int Partitions { get; set; }

    /// <summary>Legacy: the registry as earlier versions kept it in grain state. Empty in current state; a grain that
    /// activates with entries here moves them to the knowledge store and clears this.</summary>
    [Id(2)] public Dictionary<string, DocumentStatus> Documents { get; set; } = [];

    /// <summary>When the dataset was created (first upload or configuration).</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the graph changed since its community summaries were computed: the index job recomputes them
    /// when it settles (also after a restart, which is why this is persisted).</summary>
    [Id(4)] public bool CommunitiesStale { get; set; }

    /// <summary>Whether the dataset exists (created and not deleted).</summary>
    public bool Exists => Partitions > 0;
}
