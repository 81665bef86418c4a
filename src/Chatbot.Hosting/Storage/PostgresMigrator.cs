using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chatbot.Hosting.Storage;

/// <summary>
/// Brings a PostgreSQL database to the schema the platform's Orleans providers need (<see cref="PostgresMigration.All"/>).
/// Each migration runs in its own transaction together with its row in <c>chatbot_schema_migrations</c>; the whole run
/// holds a PostgreSQL advisory lock, so silos starting together apply each migration once and the others wait, then find
/// nothing to do. Safe to call from any number of processes; the database itself must exist.
/// </summary>
public sealed partial class PostgresMigrator(ILogger<PostgresMigrator> logger)
{
    // Any constant works as long as every process uses the same one: the ASCII bytes of "chatbot".
    private const long AdvisoryLockKey = 0x63_68_61_74_62_6F_74;
    private const int StatementTimeoutSeconds = 300;

    /// <summary>Applies every migration not yet recorded (or recorded with another checksum).</summary>
    /// <param name="connectionString">Npgsql connection string of the target database.</param>
    /// <param name="cancellationToken">Cancels waiting for the lock and the running migration (its transaction rolls back).</param>
    /// <returns>How many migrations were applied; 0 when the schema was already current.</returns>
    public async Task<int> ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var database = connection.Database;

        // Session-level lock: released by the unlock below or, if this process dies, when the connection closes.
        await AdvisoryLockAsync(connection, "pg_advisory_lock", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS chatbot_schema_migrations
                (
                    version    integer     NOT NULL PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in PostgresMigration.All)
            {
                if (applied.TryGetValue(migration.Version, out var checksum) && checksum == migration.Checksum)
                {
                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                LogApplied(logger, migration.Version, migration.Name, database);
                count++;
            }

            LogCurrent(logger, database, PostgresMigration.All[^1].Version, count);
            return count;
        }
        finally
        {
            await AdvisoryLockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, PostgresMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var record = new NpgsqlCommand("""
            INSERT INTO chatbot_schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)
            ON CONFLICT (version) DO UPDATE SET name = excluded.name, checksum = excluded.checksum, applied_at = now()
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM chatbot_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = StatementTimeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Waits as long as the lock is held elsewhere (no command timeout); the cancellation token bounds the wait.
    private static async Task AdvisoryLockAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(2101, LogLevel.Information, "Applied PostgreSQL migration {Version} ({Name}) to database {Database}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string database);

    [LoggerMessage(2102, LogLevel.Information, "PostgreSQL database {Database} is at schema version {Version} ({Count} migrations applied now)")]
    private static partial void LogCurrent(ILogger logger, string database, int version, int count);
}
