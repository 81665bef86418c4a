using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Chatbot.Hosting.Storage.Embedded;

/// <summary>
/// Grain state in one SQLite file (single-machine mode). Rows are keyed by service, state name and grain id and carry an
/// integer version used as the ETag, so a stale writer gets <see cref="InconsistentStateException"/> instead of
/// overwriting newer state. SQLite calls are synchronous, so they run on the thread pool, never on a grain's scheduler.
/// SQLite has a single writer and each commit costs a WAL sync, so writes are group-committed: callers queue their write
/// on a bounded channel and one writer loop commits everything queued so far in one transaction, completing each
/// caller only after that commit. A version conflict fails only its own caller. Reads run in parallel (WAL mode).
/// </summary>
internal sealed partial class SqliteGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private const int QueueCapacity = 4096;
    private const int MaxBatchSize = 512;

    private readonly string _name;
    private readonly string _serviceId;
    private readonly string _connectionString;
    private readonly Serializer _serializer;
    private readonly ILogger _logger;
    private readonly Channel<WriteRequest> _writes = Channel.CreateBounded<WriteRequest>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lazy<Task> _initialized;
    private Task _writerLoop = Task.CompletedTask;

    public SqliteGrainStorage(string name, string serviceId, string databasePath, Serializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _serviceId = serviceId;
        _serializer = serializer;
        _logger = logger;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _initialized = new Lazy<Task>(() => Task.Run(Initialize));
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _initialized.Value;
        var row = await Task.Run(() => Read(stateName, grainId));
        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = _serializer.Deserialize<T>(row.Value.Payload);
        grainState.ETag = FormatETag(row.Value.Version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _initialized.Value;
        var payload = _serializer.SerializeToArray(grainState.State);
        var version = await EnqueueAsync(new WriteRequest(stateName, grainId.ToString(), ParseETag(grainState.ETag), payload));
        grainState.ETag = FormatETag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _initialized.Value;
        await EnqueueAsync(new WriteRequest(stateName, grainId.ToString(), ParseETag(grainState.ETag), Payload: null));
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Stops accepting writes, commits the queued ones and waits for the writer loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writerLoop;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<long> EnqueueAsync(WriteRequest request)
    {
        await _writes.Writer.WriteAsync(request);
        return await request.Completion.Task;
    }

    private void Initialize()
    {
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS grain_state (
                    service_id TEXT NOT NULL,
                    state_name TEXT NOT NULL,
                    grain_id   TEXT NOT NULL,
                    version    INTEGER NOT NULL,
                    payload    BLOB NOT NULL,
                    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                    PRIMARY KEY (service_id, state_name, grain_id)
                );
                """;
            command.ExecuteNonQuery();
            LogInitialized(_logger, _name, connection.DataSource);
        }

        _writerLoop = Task.Run(RunWriterAsync);
    }

    private async Task RunWriterAsync()
    {
        try
        {
            await WriteUntilCompletedAsync();
        }
        catch (Exception ex)
        {
            // Without a writer nothing can be saved: fail the queued writes and refuse new ones rather than hang them.
            LogWriterFailed(_logger, ex, _name);
            _writes.Writer.TryComplete(ex);
            while (_writes.Reader.TryRead(out var request))
            {
                request.Completion.TrySetException(ex);
            }
        }
    }

    // The one writer: takes whatever is queued (up to MaxBatchSize) and commits it as one transaction.
    private async Task WriteUntilCompletedAsync()
    {
        using var connection = Open();
        using (var pragma = connection.CreateCommand())
        {
            // WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last commits.
            pragma.CommandText = "PRAGMA synchronous=NORMAL";
            pragma.ExecuteNonQuery();
        }

        var batch = new List<WriteRequest>(MaxBatchSize);
        while (await _writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _writes.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            WriteBatch(connection, batch);
            LogBatchCommitted(_logger, _name, batch.Count);
            batch.Clear();
        }
    }

    private void WriteBatch(SqliteConnection connection, List<WriteRequest> batch)
    {
        try
        {
            Commit(connection, batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // Isolate the failure: each write again in its own transaction, so only the one at fault fails.
            LogBatchFailed(_logger, ex, _name, batch.Count);
            foreach (var request in batch)
            {
                try
                {
                    Commit(connection, [request]);
                }
                catch (Exception single)
                {
                    request.Completion.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    // Checks and applies each request in one transaction; completes the callers only once the transaction committed.
    private void Commit(SqliteConnection connection, IReadOnlyList<WriteRequest> requests)
    {
        var outcomes = new (long Version, Exception? Conflict)[requests.Count];
        using (var transaction = connection.BeginTransaction(deferred: false))
        using (var select = CreateCommand(connection, transaction, "SELECT version FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g"))
        using (var upsert = CreateCommand(connection, transaction, """
            INSERT INTO grain_state (service_id, state_name, grain_id, version, payload) VALUES ($s, $n, $g, $v, $p)
            ON CONFLICT (service_id, state_name, grain_id)
            DO UPDATE SET version = excluded.version, payload = excluded.payload,
                          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            """))
        using (var delete = CreateCommand(connection, transaction, "DELETE FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g"))
        {
            upsert.Parameters.Add("$v", SqliteType.Integer);
            upsert.Parameters.Add("$p", SqliteType.Blob);
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                SetKey(select, request);
                var current = select.ExecuteScalar() is long v ? v : (long?)null;
                if (request.ExpectedVersion != current)
                {
                    outcomes[i] = (0, Conflict(request, current));
                    continue;
                }

                if (request.Payload is null)
                {
                    SetKey(delete, request);
                    delete.ExecuteNonQuery();
                    outcomes[i] = (0, null);
                }
                else
                {
                    var next = (current ?? 0) + 1;
                    SetKey(upsert, request);
                    upsert.Parameters["$v"].Value = next;
                    upsert.Parameters["$p"].Value = request.Payload;
                    upsert.ExecuteNonQuery();
                    outcomes[i] = (next, null);
                }
            }

            transaction.Commit();
        }

        for (var i = 0; i < requests.Count; i++)
        {
            if (outcomes[i].Conflict is { } conflict)
            {
                requests[i].Completion.TrySetException(conflict);
            }
            else
            {
                requests[i].Completion.TrySetResult(outcomes[i].Version);
            }
        }
    }

    private (byte[] Payload, long Version)? Read(string stateName, GrainId grainId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, version FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$g", grainId.ToString());
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((byte[])reader[0], reader.GetInt64(1)) : null;
    }

    private SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.Add("$n", SqliteType.Text);
        command.Parameters.Add("$g", SqliteType.Text);
        return command;
    }

    private static void SetKey(SqliteCommand command, WriteRequest request)
    {
        command.Parameters["$n"].Value = request.StateName;
        command.Parameters["$g"].Value = request.GrainId;
    }

    private InconsistentStateException Conflict(WriteRequest request, long? current) => new(
        $"Storage '{_name}': version conflict for {request.StateName} of {request.GrainId}.",
        current?.ToString(CultureInfo.InvariantCulture) ?? "none",
        request.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none");

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(2001, LogLevel.Information, "Grain storage {Name} uses SQLite database {Path}")]
    private static partial void LogInitialized(ILogger logger, string name, string path);

    [LoggerMessage(2002, LogLevel.Warning, "Grain storage {Name}: a batch of {Count} writes failed; retrying each write alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string name, int count);

    [LoggerMessage(2004, LogLevel.Trace, "Grain storage {Name}: committed {Count} writes in one transaction")]
    private static partial void LogBatchCommitted(ILogger logger, string name, int count);

    [LoggerMessage(2003, LogLevel.Critical, "Grain storage {Name}: the writer stopped; grain state can no longer be saved")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception, string name);

    /// <summary>One queued write (<see cref="Payload"/> set) or delete (null); completed with the new version.</summary>
    private sealed record WriteRequest(string StateName, string GrainId, long? ExpectedVersion, byte[]? Payload)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
