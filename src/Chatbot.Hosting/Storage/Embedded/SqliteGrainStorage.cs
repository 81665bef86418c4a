using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Chatbot.Hosting.Storage.Embedded;

/// <summary>
/// Grain state in one SQLite file (single-machine mode). Rows are keyed by service, state name and grain id and carry an
/// integer version used as the ETag, so a stale writer gets <see cref="InconsistentStateException"/> instead of
/// overwriting newer state. SQLite calls are synchronous, so they run on the thread pool, never on a grain's scheduler;
/// writes go through one connection at a time (SQLite has a single writer), reads in parallel (WAL mode).
/// </summary>
internal sealed partial class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly string _connectionString;
    private readonly Serializer _serializer;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<Task> _initialized;

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
        grainState.ETag = row.Value.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _initialized.Value;
        var payload = _serializer.SerializeToArray(grainState.State);
        var expected = ParseETag(grainState.ETag);
        var version = await OnWriterAsync(() => Upsert(stateName, grainId, payload, expected));
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _initialized.Value;
        var expected = ParseETag(grainState.ETag);
        await OnWriterAsync(() => Delete(stateName, grainId, expected));
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public void Dispose() => _writer.Dispose();

    private async Task<TResult> OnWriterAsync<TResult>(Func<TResult> write)
    {
        await _writer.WaitAsync();
        try
        {
            return await Task.Run(write);
        }
        finally
        {
            _writer.Release();
        }
    }

    private void Initialize()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
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

    private (byte[] Payload, long Version)? Read(string stateName, GrainId grainId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, version FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
        AddKey(command, stateName, grainId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((byte[])reader[0], reader.GetInt64(1)) : null;
    }

    private long Upsert(string stateName, GrainId grainId, byte[] payload, long? expected)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var current = CurrentVersion(connection, transaction, stateName, grainId);
        CheckVersion(stateName, grainId, expected, current);
        var next = (current ?? 0) + 1;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO grain_state (service_id, state_name, grain_id, version, payload) VALUES ($s, $n, $g, $v, $p)
            ON CONFLICT (service_id, state_name, grain_id)
            DO UPDATE SET version = excluded.version, payload = excluded.payload,
                          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            """;
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$v", next);
        command.Parameters.AddWithValue("$p", payload);
        command.ExecuteNonQuery();
        transaction.Commit();
        return next;
    }

    private int Delete(string stateName, GrainId grainId, long? expected)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var current = CurrentVersion(connection, transaction, stateName, grainId);
        CheckVersion(stateName, grainId, expected, current);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
        AddKey(command, stateName, grainId);
        var deleted = command.ExecuteNonQuery();
        transaction.Commit();
        return deleted;
    }

    private long? CurrentVersion(SqliteConnection connection, SqliteTransaction transaction, string stateName, GrainId grainId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
        AddKey(command, stateName, grainId);
        return command.ExecuteScalar() is long v ? v : null;
    }

    private void CheckVersion(string stateName, GrainId grainId, long? expected, long? current)
    {
        if (expected != current)
        {
            throw new InconsistentStateException(
                $"Storage '{_name}': version conflict for {stateName} of {grainId}.",
                current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        }
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$g", grainId.ToString());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(2001, LogLevel.Information, "Grain storage {Name} uses SQLite database {Path}")]
    private static partial void LogInitialized(ILogger logger, string name, string path);
}
