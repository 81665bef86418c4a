using System.Globalization;
using Chatbot.Tools.Invocation;
using Npgsql;

namespace Chatbot.Tools.Database;

/// <summary>
/// PostgreSQL: <c>SET TRANSACTION READ ONLY</c> and <c>SET LOCAL statement_timeout</c> before the query, then
/// rollback. The server enforces both: a write fails with 25006, a long query is cancelled with 57014.
/// </summary>
internal sealed class PostgresQueryRunner(string connectionString) : IReadOnlyQueryRunner
{
    private const string QueryCanceled = "57014";
    private const string ReadOnlyTransaction = "25006";

    public async Task<QueryResult> RunAsync(string sql, int maxRows, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var milliseconds = ((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await using (var setup = new NpgsqlCommand($"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {milliseconds}", connection, transaction))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            // The client-side timeout is only a backstop for a server that stops answering.
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = (int)statementTimeout.TotalSeconds + 5 };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await QueryResult.ReadAsync(reader, maxRows, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            throw new ToolException(ToolErrorCodes.Timeout, $"The query ran longer than {statementTimeout.TotalSeconds:0.###} s and was stopped.", ex);
        }
        catch (PostgresException ex) when (ex.SqlState == ReadOnlyTransaction)
        {
            throw new ToolException(ToolErrorCodes.Denied, $"The database refused a write in the read-only transaction: {ex.MessageText}", ex);
        }
        catch (PostgresException ex)
        {
            throw new ToolException(ToolErrorCodes.Failed, $"The database rejected the query: {ex.MessageText}", ex);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }
}
