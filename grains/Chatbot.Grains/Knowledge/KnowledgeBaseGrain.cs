using Chatbot.AI.Telemetry;
using Chatbot.Hosting;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Store;
using Chatbot.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.Grains.Knowledge;

/// <summary>
/// One knowledge base: the document registry and its durable index job. The job indexes unfinished documents one at
/// a time in the background (the pipeline runs off the grain scheduler, bounded per silo); for a dataset that builds a
/// graph it also extracts each document's graph and hands every partition its share. Each document's stage is
/// persisted before its work starts, so a new activation resumes whatever was pending or in progress; a reminder,
/// registered while work is pending, brings the grain back after the silo running the job dies. When the job settles
/// after the graph changed, it recomputes the dataset's community summaries.
/// </summary>
/// <remarks>
/// Grain state holds only the dataset's settings. The registry (one entry per document) lives in the knowledge store,
/// one row per document: loaded whole on activation, written one row per change, so ingesting thousands of documents
/// costs a small write per document rather than rewriting an ever larger registry.
/// </remarks>
/// <remarks>
/// Requests are not reentrant, but the job interleaves with them at every await. Every change to a document replaces
/// its <see cref="DocumentStatus"/> record, so the job detects a re-upload, re-configuration or deletion that happened
/// meanwhile by reference and discards its now stale result.
/// </remarks>
public sealed partial class KnowledgeBaseGrain(
    [PersistentState("knowledge-base", ProviderNames.GrainState)] IPersistentState<KnowledgeBaseState> state,
    IKnowledgeStore store,
    IngestionPipeline pipeline,
    DocumentGraphBuilder graphBuilder,
    GraphBuildCostEstimator costEstimator,
    ICommunitySummaryWriter summaryWriter,
    IOptions<KnowledgeOptions> options,
    IOptions<GraphOptions> graphOptions,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<KnowledgeBaseGrain> logger) : Grain, IKnowledgeBaseGrain, IRemindable
{
    private const string ReminderName = "index-job";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _deactivating = new();
    private readonly Dictionary<string, DocumentStatus> _documents = new(StringComparer.Ordinal);
    private Task? _job;
    private Step? _step;

    private string Key => this.GetPrimaryKeyString();

    private (string Tenant, string Dataset) Id
    {
        get
        {
            var (tenant, dataset, _) = DatasetKey.Parse(Key);
            return (tenant, dataset);
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Exists)
        {
            var (tenant, dataset) = Id;
            foreach (var document in await store.LoadDocumentStatusesAsync(tenant, dataset, cancellationToken))
            {
                _documents[document.DocumentId] = document;
            }

            await MoveLegacyRegistryAsync(cancellationToken);
            await LoadGraphAsync(cancellationToken);
        }

        if (HasWork)
        {
            LogResuming(logger, Key, _documents.Values.Count(DatasetStatuses.IsUnfinished));
            StartJob();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Unfinished documents stay Pending/Indexing in state: the next activation (or the reminder) resumes them.
        await _deactivating.CancelAsync();
        if (_job is { } job)
        {
            try
            {
                await job.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Deactivation ran out of time; the persisted stages still say what is left.
            }
        }
    }

    public async Task<DocumentStatus> UploadAsync(DocumentUpload upload, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        if (!DatasetKey.IsValidDocumentId(upload.DocumentId))
        {
            throw new ArgumentException($"Invalid document id '{upload.DocumentId}'.", nameof(upload));
        }

        // 1. The bytes go to the store first: a status never points at bytes that are not there.
        var (tenant, dataset) = Id;
        var now = timeProvider.GetUtcNow();
        await store.SaveDocumentAsync(
            new StoredDocument(tenant, dataset, upload.DocumentId, upload.FileName, upload.ContentType, content, now), cancellationToken);

        // 2. Register the new version as pending and persist it; only then is the upload accepted.
        var created = EnsureCreated(now);
        if (created)
        {
            await WriteAsync();
        }

        var previous = _documents.GetValueOrDefault(upload.DocumentId);
        var status = new DocumentStatus
        {
            DocumentId = upload.DocumentId,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            SizeBytes = content.LongLength,
            State = DocumentState.Pending,
            UploadedAt = now,
            Version = (previous?.Version ?? 0) + 1,
        };
        _documents[upload.DocumentId] = status;
        await PersistAsync(upload.DocumentId, cancellationToken);
        if (created)
        {
            await GrainFactory.GetGrain<ITenantGrain>(tenant).RegisterDatasetAsync(dataset, now);
        }

        // 3. Index in the background.
        LogUploaded(logger, Key, upload.DocumentId, status.Version, content.LongLength);
        StartJob();
        return status;
    }

    public async Task<DatasetStatus> ConfigureAsync(IndexSettings settings, CancellationToken cancellationToken = default)
    {
        DatasetStatuses.Validate(settings);
        var now = timeProvider.GetUtcNow();
        var created = EnsureCreated(now);
        if (created || settings != state.State.Settings)
        {
            // New settings re-index every document; a job working on one under the old settings discards its result.
            state.State.Settings = settings;
            foreach (var (id, document) in _documents.ToList())
            {
                _documents[id] = document with { State = DocumentState.Pending, Error = null };
            }

            await WriteAsync();
            await PersistAllAsync(cancellationToken);
            if (created)
            {
                var (tenant, dataset) = Id;
                await GrainFactory.GetGrain<ITenantGrain>(tenant).RegisterDatasetAsync(dataset, now);
            }

            StartJob();
        }

        return Summary();
    }

    public Task<DatasetStatus?> GetStatusAsync() => Task.FromResult(state.State.Exists ? Summary() : null);

    public Task<int> GetPartitionCountAsync() => Task.FromResult(state.State.Partitions);

    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!_documents.Remove(documentId))
        {
            return false;
        }

        // 1. Out of the registry first, so the job and readers stop seeing it; 2. wait for a job step still working on
        // it, so no chunks land after the delete; 3. drop its registry row, bytes and chunks in one transaction, then
        // every partition's copy.
        await StopStepAsync(documentId);
        var (tenant, dataset) = Id;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await store.DeleteDocumentAsync(tenant, dataset, documentId, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        await Task.WhenAll(Partitions().Select(p => p.RemoveDocumentAsync(documentId)));
        LogDocumentDeleted(logger, Key, documentId);

        // 4. The graph lost what only this document stated: the communities are recomputed in the background.
        if (state.State.Settings.BuildsGraph || _communities.Count > 0)
        {
            await MarkCommunitiesStaleAsync();
            StartJob();
        }

        return true;
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return false;
        }

        var (tenant, dataset) = Id;
        var partitions = Partitions();
        await StopStepAsync(documentId: null);
        await Task.WhenAll(partitions.Select(p => p.ClearAsync()));
        _documents.Clear();
        ForgetGraph();
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await store.DeleteDatasetAsync(tenant, dataset, cancellationToken);
            await state.ClearStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }

        await GrainFactory.GetGrain<ITenantGrain>(tenant).RemoveDatasetAsync(dataset);
        await UnregisterReminderAsync();
        LogDatasetDeleted(logger, Key);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Receiving the reminder activated the grain, and activation resumed the job; an idle grain drops its reminder.
        if (HasWork)
        {
            StartJob();
            return Task.CompletedTask;
        }

        return _job is null ? UnregisterReminderAsync() : Task.CompletedTask;
    }

    private bool HasUnfinished => _documents.Values.Any(DatasetStatuses.IsUnfinished);

    private bool HasWork => HasUnfinished || state.State.CommunitiesStale;

    private DatasetStatus Summary() => DatasetStatuses.Summarize(Id.Dataset, state.State.Settings, _documents.Values) with
    {
        CommunityCount = _communities.Count,
        CommunitiesStale = state.State.CommunitiesStale,
    };

    private bool EnsureCreated(DateTimeOffset now)
    {
        if (state.State.Exists)
        {
            return false;
        }

        var configured = options.Value;
        state.State.Partitions = configured.Partitions;
        state.State.Settings = configured.DefaultSettings();
        state.State.CreatedAt = now;
        return true;
    }

    private IKnowledgePartitionGrain[] Partitions()
    {
        var (tenant, dataset) = Id;
        return Enumerable.Range(0, state.State.Partitions)
            .Select(p => GrainFactory.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(tenant, dataset, p)))
            .ToArray();
    }

    private void StartJob()
    {
        if (_job is null && !_deactivating.IsCancellationRequested)
        {
            _job = RunJobAsync();
        }
    }

    private async Task RunJobAsync()
    {
        try
        {
            var period = options.Value.IndexJobReminderPeriod;
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
            while (!_deactivating.IsCancellationRequested && NextUnfinished() is { } documentId)
            {
                using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_deactivating.Token);
                var step = new Step(documentId, cancellation);
                _step = step;
                try
                {
                    await IndexAsync(documentId, cancellation.Token);
                }
                finally
                {
                    _step = null;
                    step.Completed.TrySetResult();
                }
            }

            if (!_deactivating.IsCancellationRequested && !HasUnfinished && state.State.CommunitiesStale)
            {
                await RefreshCommunitiesAsync(_deactivating.Token);
            }

            if (!_deactivating.IsCancellationRequested && !HasWork)
            {
                await UnregisterReminderAsync();
            }
        }
        catch (Exception ex)
        {
            // A state write or the reminder service failed: the job stops here and the reminder (or the next
            // activation) resumes it from the persisted stages.
            LogJobFailed(logger, ex, Key);
        }
        finally
        {
            _job = null;
        }

        // An upload (or a deletion) that arrived while the job was winding down.
        if (HasWork && !_deactivating.IsCancellationRequested)
        {
            StartJob();
        }
    }

    // Pending documents before interrupted ones (those may be what crashed the last job), oldest upload first.
    private string? NextUnfinished() => _documents.Values
        .Where(DatasetStatuses.IsUnfinished)
        .OrderBy(d => d.State == DocumentState.Indexing)
        .ThenBy(d => d.UploadedAt)
        .ThenBy(d => d.DocumentId, StringComparer.Ordinal)
        .FirstOrDefault()?.DocumentId;

    private async Task IndexAsync(string documentId, CancellationToken cancellationToken)
    {
        // 1. Persist the stage before the work, so a crash from here on is resumed.
        var (tenant, dataset) = Id;
        var current = _documents[documentId] with { State = DocumentState.Indexing, Error = null };
        _documents[documentId] = current;
        await PersistAsync(documentId, CancellationToken.None);
        metrics.IndexJobStarted();
        var started = timeProvider.GetTimestamp();

        var settings = state.State.Settings;
        var partitions = state.State.Partitions;
        try
        {
            // 2. Parse, chunk and embed off the scheduler; replace the stored chunks; every partition reloads its share.
            var document = await store.GetDocumentAsync(tenant, dataset, documentId, cancellationToken)
                ?? throw new DocumentParseException("unknown", "The uploaded file is no longer in the knowledge store; upload it again.");
            var chunks = await pipeline.RunAsync(document, settings, partitions, cancellationToken);
            if (!IsCurrent(documentId, current))
            {
                return;
            }

            // 3. Extract the document's graph (when the dataset builds one) and cut it into the partitions' shares.
            var graph = settings.BuildsGraph ? await BuildGraphAsync(documentId, chunks, partitions, cancellationToken) : GraphParts.None;
            if (!IsCurrent(documentId, current))
            {
                return;
            }

            // 4. Replace the stored chunks and graph parts; every partition reloads its share.
            await store.ReplaceChunksAsync(tenant, dataset, documentId, chunks, cancellationToken);
            await store.ReplaceGraphAsync(tenant, dataset, documentId, graph.Parts, cancellationToken);
            await Task.WhenAll(Partitions().Select(p => p.RefreshDocumentAsync(documentId, cancellationToken)));
            if (settings.BuildsGraph || current.EntityCount > 0)
            {
                await MarkCommunitiesStaleAsync();
            }

            // 5. Done, unless the document changed meanwhile: then the job comes back to it.
            if (IsCurrent(documentId, current))
            {
                _documents[documentId] = current with
                {
                    State = DocumentState.Done,
                    ChunkCount = chunks.Count,
                    EntityCount = graph.Entities,
                    RelationCount = graph.Relations,
                    IndexedAt = timeProvider.GetUtcNow(),
                };
                await PersistAsync(documentId, CancellationToken.None);
                metrics.IndexJobFinished(timeProvider.GetElapsedTime(started), chunks.Count);
                LogIndexed(logger, Key, documentId, current.Version, chunks.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating, or the document was deleted: the persisted stage says what is left to do.
        }
        catch (Exception ex) when (!IsCurrent(documentId, current))
        {
            // Re-uploaded, re-configured or deleted meanwhile: this attempt's outcome no longer matters.
            LogStaleAttempt(logger, ex, Key, documentId, current.Version);
        }
        catch (Exception ex)
        {
            // One bad file fails alone, with the reason, and never blocks the others.
            var reason = DatasetStatuses.FailureReason(ex);
            LogIndexFailed(logger, ex, Key, documentId, current.Version, reason);
            metrics.IndexJobFailed(timeProvider.GetElapsedTime(started));
            await RemoveStaleChunksAsync(documentId, current);
            _documents[documentId] = current with { State = DocumentState.Failed, Error = reason, ChunkCount = 0, EntityCount = 0, RelationCount = 0 };
            await PersistAsync(documentId, CancellationToken.None);
        }
    }

    // A failed re-upload must not leave the previous version searchable under a status that says it failed.
    private async Task RemoveStaleChunksAsync(string documentId, DocumentStatus current)
    {
        if (current.IndexedAt is null)
        {
            return;
        }

        var (tenant, dataset) = Id;
        await store.ReplaceChunksAsync(tenant, dataset, documentId, [], CancellationToken.None);
        await store.ReplaceGraphAsync(tenant, dataset, documentId, [], CancellationToken.None);
        await Task.WhenAll(Partitions().Select(p => p.RemoveDocumentAsync(documentId)));
        if (current.EntityCount > 0)
        {
            await MarkCommunitiesStaleAsync();
        }
    }

    private bool IsCurrent(string documentId, DocumentStatus snapshot) =>
        _documents.TryGetValue(documentId, out var now) && ReferenceEquals(now, snapshot);

    // Cancels the job step working on documentId (any document when null) and waits until it has stopped.
    private async Task StopStepAsync(string? documentId)
    {
        if (_step is { } step && (documentId is null || step.DocumentId == documentId))
        {
            await step.Cancellation.CancelAsync();
            await step.Completed.Task;
        }
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // The job and requests interleave; storage writes of one activation must not overlap (ETags).
    private async Task WriteAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, Key);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Writes a document's registry row as it is *now*, under the write lock: two writes of one row (a job step and a
    // re-upload interleaving) cannot land out of order, because whichever runs last writes the latest entry.
    private async Task PersistAsync(string documentId, CancellationToken cancellationToken)
    {
        var (tenant, dataset) = Id;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_documents.GetValueOrDefault(documentId) is { } latest)
            {
                await store.SaveDocumentStatusAsync(tenant, dataset, latest, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, Key);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task PersistAllAsync(CancellationToken cancellationToken)
    {
        var (tenant, dataset) = Id;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await store.SaveDocumentStatusesAsync(tenant, dataset, _documents.Values.ToList(), cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Knowledge bases written before the registry moved to the store kept it in grain state: move it once.
    private async Task MoveLegacyRegistryAsync(CancellationToken cancellationToken)
    {
        if (state.State.Documents.Count == 0)
        {
            return;
        }

        foreach (var (id, document) in state.State.Documents)
        {
            _documents.TryAdd(id, document);
        }

        await PersistAllAsync(cancellationToken);
        state.State.Documents.Clear();
        await WriteAsync();
    }

    private sealed record Step(string DocumentId, CancellationTokenSource Cancellation)
    {
        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(1201, LogLevel.Information, "Knowledge base {Key}: document {DocumentId} v{Version} uploaded ({Bytes} bytes)")]
    private static partial void LogUploaded(ILogger logger, string key, string documentId, int version, long bytes);

    [LoggerMessage(1202, LogLevel.Information, "Knowledge base {Key}: document {DocumentId} v{Version} indexed ({Chunks} chunks)")]
    private static partial void LogIndexed(ILogger logger, string key, string documentId, int version, int chunks);

    [LoggerMessage(1203, LogLevel.Warning, "Knowledge base {Key}: document {DocumentId} v{Version} failed: {Reason}")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string key, string documentId, int version, string reason);

    [LoggerMessage(1204, LogLevel.Information, "Knowledge base {Key}: resuming {Count} unfinished documents")]
    private static partial void LogResuming(ILogger logger, string key, int count);

    [LoggerMessage(1205, LogLevel.Error, "Knowledge base {Key}: index job stopped; it resumes on the next activation or reminder")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(1206, LogLevel.Information, "Knowledge base {Key}: document {DocumentId} deleted")]
    private static partial void LogDocumentDeleted(ILogger logger, string key, string documentId);

    [LoggerMessage(1207, LogLevel.Information, "Knowledge base {Key}: dataset deleted")]
    private static partial void LogDatasetDeleted(ILogger logger, string key);

    [LoggerMessage(1209, LogLevel.Debug, "Knowledge base {Key}: document {DocumentId} v{Version} changed while indexing; attempt discarded")]
    private static partial void LogStaleAttempt(ILogger logger, Exception exception, string key, string documentId, int version);

    [LoggerMessage(1208, LogLevel.Error, "Knowledge base {Key}: state could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string key);
}
