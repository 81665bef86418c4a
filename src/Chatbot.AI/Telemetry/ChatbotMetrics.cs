using System.Diagnostics.Metrics;

namespace Chatbot.AI.Telemetry;

/// <summary>
/// The platform's own metrics (meter <see cref="MeterName"/>; instruments listed in <see cref="ChatbotInstruments"/>).
/// One singleton per process, built on <see cref="IMeterFactory"/>; thread-safe. Grains and services record through
/// its methods, so tag names and units are decided here once.
/// </summary>
public sealed class ChatbotMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Chatbot";

    private static readonly IReadOnlyList<double> LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly IReadOnlyList<double> SearchBuckets = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly IReadOnlyList<double> IndexBuckets = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
    private static readonly IReadOnlyList<int> BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _voiceSessionsStarted;
    private readonly UpDownCounter<long> _voiceSessionsActive;
    private readonly Counter<long> _bargeIns;
    private readonly Histogram<double> _timeToFirstAudio;
    private readonly Counter<long> _indexJobsStarted;
    private readonly Counter<long> _indexJobsFinished;
    private readonly Counter<long> _indexJobsFailed;
    private readonly Histogram<double> _indexJobDuration;
    private readonly Counter<long> _chunksIndexed;
    private readonly Histogram<double> _searchDuration;
    private readonly Histogram<int> _embeddingBatchSize;

    /// <summary>Creates the meter and its instruments.</summary>
    public ChatbotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>(ChatbotInstruments.ChatTurns, "{turn}", "Conversation turns finished");
        _timeToFirstToken = meter.CreateHistogram(ChatbotInstruments.ChatTimeToFirstToken, "s",
            "Time from a turn's start to its first streamed token", advice: Buckets(LatencyBuckets));
        _tokens = meter.CreateCounter<long>(ChatbotInstruments.ChatTokens, "{token}", "Model tokens used by conversation turns");
        _cacheHits = meter.CreateCounter<long>(ChatbotInstruments.CacheHits, "{hit}", "Cache lookups that found an answer");
        _cacheMisses = meter.CreateCounter<long>(ChatbotInstruments.CacheMisses, "{miss}", "Cache lookups that found nothing");
        _voiceSessionsStarted = meter.CreateCounter<long>(ChatbotInstruments.VoiceSessionsStarted, "{session}", "Voice sessions opened");
        _voiceSessionsActive = meter.CreateUpDownCounter<long>(ChatbotInstruments.VoiceSessionsActive, "{session}", "Voice sessions open now");
        _bargeIns = meter.CreateCounter<long>(ChatbotInstruments.VoiceBargeIns, "{barge_in}", "Answers interrupted by the caller speaking");
        _timeToFirstAudio = meter.CreateHistogram(ChatbotInstruments.VoiceTimeToFirstAudio, "s",
            "Time from the end of the caller's speech to the first synthesized audio", advice: Buckets(LatencyBuckets));
        _indexJobsStarted = meter.CreateCounter<long>(ChatbotInstruments.IndexJobsStarted, "{document}", "Documents whose indexing started");
        _indexJobsFinished = meter.CreateCounter<long>(ChatbotInstruments.IndexJobsFinished, "{document}", "Documents indexed");
        _indexJobsFailed = meter.CreateCounter<long>(ChatbotInstruments.IndexJobsFailed, "{document}", "Documents whose indexing failed");
        _indexJobDuration = meter.CreateHistogram(ChatbotInstruments.IndexJobDuration, "s",
            "Time to index one document", advice: Buckets(IndexBuckets));
        _chunksIndexed = meter.CreateCounter<long>(ChatbotInstruments.ChunksIndexed, "{chunk}", "Chunks written to the index");
        _searchDuration = meter.CreateHistogram(ChatbotInstruments.SearchDuration, "s",
            "Time to search one dataset", advice: Buckets(SearchBuckets));
        _embeddingBatchSize = meter.CreateHistogram(ChatbotInstruments.EmbeddingBatchSize, "{text}",
            "Texts per embedding model run of an inference grain", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
    }

    /// <summary>A turn finished with <paramref name="outcome"/> (<c>ok</c> or its error code).</summary>
    public void TurnFinished(string outcome) => _turns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The first delta of a turn was produced <paramref name="elapsed"/> after the turn started.</summary>
    public void TimeToFirstToken(TimeSpan elapsed, string model) =>
        _timeToFirstToken.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", model));

    /// <summary>A turn of <paramref name="tenant"/> used these tokens of <paramref name="model"/>.</summary>
    public void TokensUsed(string tenant, string model, long inputTokens, long outputTokens)
    {
        var tenantTag = new KeyValuePair<string, object?>("tenant", tenant);
        var modelTag = new KeyValuePair<string, object?>("model", model);
        _tokens.Add(inputTokens, tenantTag, modelTag, new KeyValuePair<string, object?>("type", "input"));
        _tokens.Add(outputTokens, tenantTag, modelTag, new KeyValuePair<string, object?>("type", "output"));
    }

    /// <summary>A lookup in <paramref name="cache"/> (e.g. <c>semantic</c>) found an answer or not.</summary>
    public void CacheLookup(string cache, bool hit) =>
        (hit ? _cacheHits : _cacheMisses).Add(1, new KeyValuePair<string, object?>("cache", cache));

    /// <summary>A voice session opened; pair with <see cref="VoiceSessionEnded"/>.</summary>
    public void VoiceSessionStarted()
    {
        _voiceSessionsStarted.Add(1);
        _voiceSessionsActive.Add(1);
    }

    /// <summary>A voice session closed.</summary>
    public void VoiceSessionEnded() => _voiceSessionsActive.Add(-1);

    /// <summary>The caller interrupted an answer.</summary>
    public void BargeIn() => _bargeIns.Add(1);

    /// <summary>The first audio of an answer was ready <paramref name="elapsed"/> after the caller stopped speaking.</summary>
    public void TimeToFirstAudio(TimeSpan elapsed) => _timeToFirstAudio.Record(elapsed.TotalSeconds);

    /// <summary>Indexing of one document started.</summary>
    public void IndexJobStarted() => _indexJobsStarted.Add(1);

    /// <summary>A document was indexed into <paramref name="chunks"/> chunks in <paramref name="elapsed"/>.</summary>
    public void IndexJobFinished(TimeSpan elapsed, int chunks)
    {
        _indexJobsFinished.Add(1);
        _chunksIndexed.Add(chunks);
        _indexJobDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", "done"));
    }

    /// <summary>Indexing a document failed after <paramref name="elapsed"/>.</summary>
    public void IndexJobFailed(TimeSpan elapsed)
    {
        _indexJobsFailed.Add(1);
        _indexJobDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    /// <summary>A dataset search in <paramref name="mode"/> took <paramref name="elapsed"/>.</summary>
    public void SearchCompleted(TimeSpan elapsed, string mode) =>
        _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("mode", mode));

    /// <summary>An inference grain ran <paramref name="model"/> over <paramref name="size"/> texts at once.</summary>
    public void EmbeddingBatch(string model, int size) =>
        _embeddingBatchSize.Record(size, new KeyValuePair<string, object?>("model", model));

    private static InstrumentAdvice<double> Buckets(IReadOnlyList<double> boundaries) => new() { HistogramBucketBoundaries = boundaries };
}
