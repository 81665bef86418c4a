namespace Chatbot.Knowledge.Ingestion;

/// <summary>Summaries of a knowledge base's documents, as <c>GET /api/v1/knowledge/status/{dataset_id}</c> shows them.</summary>
public static class DatasetStatuses
{
    /// <summary>Counts, chunk total and progress over <paramref name="documents"/>, listed by document id.</summary>
    public static DatasetStatus Summarize(string datasetId, IndexSettings settings, IEnumerable<DocumentStatus> documents)
    {
        var list = documents.OrderBy(d => d.DocumentId, StringComparer.Ordinal).ToList();
        var done = list.Count(d => d.State == DocumentState.Done);
        var failed = list.Count(d => d.State == DocumentState.Failed);
        return new DatasetStatus
        {
            DatasetId = datasetId,
            Documents = list,
            Total = list.Count,
            InProgress = list.Count - done - failed,
            Done = done,
            Failed = failed,
            ChunkCount = list.Where(d => d.State == DocumentState.Done).Sum(d => d.ChunkCount),
            Progress = list.Count == 0 ? 1 : (double)(done + failed) / list.Count,
            Settings = settings,
        };
    }

    /// <summary>Whether a document still has to be (re)indexed.</summary>
    public static bool IsUnfinished(DocumentStatus document) =>
        document.State is DocumentState.Pending or DocumentState.Indexing;

    /// <summary>
    /// The reason recorded on a document whose indexing threw <paramref name="exception"/>: the parser's own words
    /// for a damaged or unsupported file, else a short description of the failure.
    /// </summary>
    public static string FailureReason(Exception exception) => exception switch
    {
        DocumentParseException parse => parse.Reason,
        UnsupportedDocumentTypeException unsupported => unsupported.Message,
        ArgumentOutOfRangeException range => $"Invalid index settings: {range.Message.Split(" (Parameter", 2)[0]}",
        _ => $"Indexing failed: {exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>Validates index settings; throws <see cref="ArgumentOutOfRangeException"/> whose parameter name is the request field.</summary>
    public static void Validate(IndexSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IndexType is not ("vector" or "graph" or "hybrid"))
        {
#pragma warning disable CA2208 // The parameter name is the request field, as ChunkingOptions.Validate names it.
            throw new ArgumentOutOfRangeException("index_type", settings.IndexType, "index_type must be vector, graph or hybrid.");
#pragma warning restore CA2208
        }

        new ChunkingOptions { ChunkSize = settings.ChunkSize, Overlap = settings.Overlap }.Validate();
    }
}
