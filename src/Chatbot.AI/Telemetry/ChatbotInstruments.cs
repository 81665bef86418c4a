namespace Chatbot.AI.Telemetry;

/// <summary>
/// Names, units and kinds of the instruments on the <see cref="ChatbotMetrics.MeterName"/> meter: the one list that
/// dashboards and alerts are written against (Prometheus names: dots become underscores, a unit of <c>s</c> adds
/// <c>_seconds</c>, counters add <c>_total</c>, histograms expose <c>_bucket</c>, <c>_sum</c> and <c>_count</c>).
/// </summary>
public static class ChatbotInstruments
{
    /// <summary>Conversation turns finished, by <c>outcome</c> (<c>ok</c> or the error code).</summary>
    public const string ChatTurns = "chatbot.chat.turns";

    /// <summary>Seconds from a turn's start to its first streamed delta, by <c>model</c>.</summary>
    public const string ChatTimeToFirstToken = "chatbot.chat.time_to_first_token";

    /// <summary>Model tokens, by <c>tenant</c>, <c>model</c> and <c>type</c> (<c>input</c> or <c>output</c>).</summary>
    public const string ChatTokens = "chatbot.chat.tokens";

    /// <summary>Cache lookups that found an answer, by <c>cache</c> (e.g. <c>semantic</c>).</summary>
    public const string CacheHits = "chatbot.cache.hits";

    /// <summary>Cache lookups that found nothing, by <c>cache</c>.</summary>
    public const string CacheMisses = "chatbot.cache.misses";

    /// <summary>Voice sessions opened.</summary>
    public const string VoiceSessionsStarted = "chatbot.voice.sessions.started";

    /// <summary>Voice sessions open now (per process).</summary>
    public const string VoiceSessionsActive = "chatbot.voice.sessions.active";

    /// <summary>Times a caller spoke over the answer and interrupted it.</summary>
    public const string VoiceBargeIns = "chatbot.voice.barge_ins";

    /// <summary>Seconds from the end of the caller's speech to the first synthesized audio.</summary>
    public const string VoiceTimeToFirstAudio = "chatbot.voice.time_to_first_audio";

    /// <summary>Documents whose indexing started (one index job step per document).</summary>
    public const string IndexJobsStarted = "chatbot.knowledge.index_jobs.started";

    /// <summary>Documents indexed successfully.</summary>
    public const string IndexJobsFinished = "chatbot.knowledge.index_jobs.finished";

    /// <summary>Documents whose indexing failed (the reason is on the document).</summary>
    public const string IndexJobsFailed = "chatbot.knowledge.index_jobs.failed";

    /// <summary>Seconds to index one document (parse, chunk, embed, store), by <c>outcome</c> (<c>done</c> or <c>failed</c>).</summary>
    public const string IndexJobDuration = "chatbot.knowledge.index_job.duration";

    /// <summary>Chunks written to the index.</summary>
    public const string ChunksIndexed = "chatbot.knowledge.chunks_indexed";

    /// <summary>Seconds to search one dataset (embed the query, fan out, merge), by <c>mode</c>.</summary>
    public const string SearchDuration = "chatbot.knowledge.search.duration";

    /// <summary>Texts per embedding model run of an inference grain, by <c>model</c>.</summary>
    public const string EmbeddingBatchSize = "chatbot.inference.embedding.batch_size";

    /// <summary>Every instrument, with its unit and kind.</summary>
    public static IReadOnlyList<InstrumentDescription> All { get; } =
    [
        new(ChatTurns, "{turn}", InstrumentKind.Counter),
        new(ChatTimeToFirstToken, "s", InstrumentKind.Histogram),
        new(ChatTokens, "{token}", InstrumentKind.Counter),
        new(CacheHits, "{hit}", InstrumentKind.Counter),
        new(CacheMisses, "{miss}", InstrumentKind.Counter),
        new(VoiceSessionsStarted, "{session}", InstrumentKind.Counter),
        new(VoiceSessionsActive, "{session}", InstrumentKind.UpDownCounter),
        new(VoiceBargeIns, "{barge_in}", InstrumentKind.Counter),
        new(VoiceTimeToFirstAudio, "s", InstrumentKind.Histogram),
        new(IndexJobsStarted, "{document}", InstrumentKind.Counter),
        new(IndexJobsFinished, "{document}", InstrumentKind.Counter),
        new(IndexJobsFailed, "{document}", InstrumentKind.Counter),
        new(IndexJobDuration, "s", InstrumentKind.Histogram),
        new(ChunksIndexed, "{chunk}", InstrumentKind.Counter),
        new(SearchDuration, "s", InstrumentKind.Histogram),
        new(EmbeddingBatchSize, "{text}", InstrumentKind.Histogram),
    ];
}
