namespace Chatbot.Tools.Database;

/// <summary>Runs one query in a read-only transaction under a statement timeout, for one database provider.</summary>
internal interface IReadOnlyQueryRunner
{
    /// <summary>
    /// Runs <paramref name="sql"/> and reads at most <paramref name="maxRows"/> rows; the transaction is rolled back
    /// whatever happens. Throws <see cref="Invocation.ToolException"/> with <c>timeout</c> when the statement
    /// timeout stops the query, and with <c>failed</c> when the database rejects it.
    /// </summary>
    Task<QueryResult> RunAsync(string sql, int maxRows, TimeSpan statementTimeout, CancellationToken cancellationToken);
}
