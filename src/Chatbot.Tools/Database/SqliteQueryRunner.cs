using Chatbot.Tools.Invocation;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Chatbot.Tools.Database;

/// <summary>
/// SQLite: the file is opened read-only, <c>PRAGMA query_only</c> is switched on and the query runs in a transaction
/// that is rolled back. SQLite has no statement timeout, so the timeout interrupts the connection
/// (<c>sqlite3_interrupt</c>), which stops even a runaway recursive query between steps.
/// </summary>
internal sealed class SqliteQueryRunner(string connectionString, TimeProvider timeProvider) : IReadOnlyQueryRunner
{
    private const int Interrupted = 9; // SQLITE_INTERRUPT

    private readonly string _connectionString = ReadOnly(connectionString);

    public async Task<QueryResult> RunAsync(string sql, int maxRows, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA query_only = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        // Deferred: the default BEGIN IMMEDIATE asks for the write lock, which a read-only connection cannot take.
        await using var transaction = connection.BeginTransaction(deferred: true);
        using var timeout = new CancellationTokenSource(statementTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using var interrupt = linked.Token.Register(() => raw.sqlite3_interrupt(connection.Handle));
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(linked.Token);
            return await QueryResult.ReadAsync(reader, maxRows, linked.Token);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or SqliteException { SqliteErrorCode: Interrupted })
        {
            throw new ToolException(ToolErrorCodes.Timeout, $"The query ran longer than {statementTimeout.TotalSeconds:0.###} s and was stopped.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == Interrupted && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The caller cancelled the query.", ex, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode != Interrupted)
        {
            throw new ToolException(ToolErrorCodes.Failed, $"The database rejected the query: {ex.Message}", ex);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    private static string ReadOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate or SqliteOpenMode.ReadWrite)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        return builder.ConnectionString;
    }
}
