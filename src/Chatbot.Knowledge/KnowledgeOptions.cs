namespace Chatbot.Knowledge;

/// <summary>
/// Knowledge-base settings, bound to the <c>Chatbot:Knowledge</c> configuration section and validated at start-up.
/// </summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:Knowledge";

    /// <summary>The most partitions a dataset may be spread over.</summary>
    public const int MaxPartitions = 256;

    /// <summary>
    /// Partitions a new dataset's chunks are hash-spread over, 1–256. Fixed for a dataset when it is created; changing
    /// it affects only datasets created afterwards. Default 4.
    /// </summary>
    public int Partitions { get; set; } = 4;

    /// <summary>Largest accepted upload per file, in bytes. Default 20 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Documents parsed, chunked and embedded at once on one silo (CPU-bound work, kept off grain schedulers).
    /// Default: the processor count.
    /// </summary>
    public int MaxConcurrentIngestions { get; set; } = Environment.ProcessorCount;

    /// <summary>Chunk texts sent to the embedding generator per call. Default 32.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Chunk size in tokens of a dataset that was never configured through <c>/knowledge/index</c>. Default 256.</summary>
    public int DefaultChunkSize { get; set; } = 256;

    /// <summary>Overlap in tokens of a dataset that was never configured. Default 32.</summary>
    public int DefaultOverlap { get; set; } = 32;

    /// <summary>
    /// Weight of the dense route in hybrid search (0–1; BM25 gets the rest). Default 0.03: the default hashing embedder
    /// repeats BM25's lexical signal less precisely, so it only breaks near-ties; raise it with a semantic embedder.
    /// </summary>
    public double HybridDenseWeight { get; set; } = 0.03;

    /// <summary>
    /// Period of the reminder that brings a knowledge base back to finish an index job cut short by a silo failure or a
    /// restart (also the delay before its first tick). At least one second. Default one minute.
    /// </summary>
    public TimeSpan IndexJobReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The index settings of a new dataset.</summary>
    public IndexSettings DefaultSettings() => new() { ChunkSize = DefaultChunkSize, Overlap = DefaultOverlap };

    /// <summary>The problems with these settings, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Partitions is < 1 or > MaxPartitions)
        {
            errors.Add($"{SectionName}:Partitions must be between 1 and {MaxPartitions} (was {Partitions}).");
        }

        if (HybridDenseWeight is < 0 or > 1 || double.IsNaN(HybridDenseWeight))
        {
            errors.Add($"{SectionName}:HybridDenseWeight must be between 0 and 1 (was {HybridDenseWeight}).");
        }

        if (MaxUploadBytes < 1)
        {
            errors.Add($"{SectionName}:MaxUploadBytes must be positive (was {MaxUploadBytes}).");
        }

        if (MaxConcurrentIngestions < 1)
        {
            errors.Add($"{SectionName}:MaxConcurrentIngestions must be at least 1 (was {MaxConcurrentIngestions}).");
        }

        if (IndexJobReminderPeriod < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{SectionName}:IndexJobReminderPeriod must be at least 00:00:01 (was {IndexJobReminderPeriod}).");
        }

        if (EmbeddingBatchSize < 1)
        {
            errors.Add($"{SectionName}:EmbeddingBatchSize must be at least 1 (was {EmbeddingBatchSize}).");
        }

        try
        {
            new Ingestion.ChunkingOptions { ChunkSize = DefaultChunkSize, Overlap = DefaultOverlap }.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var setting = ex.ParamName == "overlap" ? "DefaultOverlap" : "DefaultChunkSize";
            errors.Add($"{SectionName}:{setting}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        return errors;
    }
}
