using Chatbot.Tools.Database;
using Chatbot.Tools.Invocation;
using Microsoft.Data.Sqlite;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Database;

public sealed class DatabaseToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-sql-").FullName;
    private readonly string _connectionString;

    public DatabaseToolTests()
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "shop.db"), Pooling = false }.ConnectionString;
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, total REAL NOT NULL);
            INSERT INTO orders (customer, total) VALUES ('Ada', 120.5), ('Grace', 80), ('Linus', 42.25), ('Barbara', 300);
            """;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task InvokeAsync_Select_ReturnsColumnsAndRows()
    {
        var content = Content(await RunAsync(Tool(), """{"sql": "SELECT customer, total FROM orders WHERE total > 100 ORDER BY total DESC"}"""));

        Assert.Equal(["customer", "total"], content.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Barbara", content.GetProperty("rows")[0][0].GetString());
        Assert.Equal(120.5, content.GetProperty("rows")[1][1].GetDouble());
        Assert.False(content.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task InvokeAsync_MoreRowsThanAsked_StopsAtMaxRows()
    {
        var content = Content(await RunAsync(Tool(), """{"sql": "SELECT id FROM orders ORDER BY id", "max_rows": 2}"""));

        Assert.Equal(2, content.GetProperty("row_count").GetInt32());
        Assert.True(content.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("DELETE FROM orders")]
    [InlineData("UPDATE orders SET total = 0")]
    [InlineData("SELECT 1; DELETE FROM orders")]
    [InlineData("WITH x AS (SELECT 1) INSERT INTO orders (customer, total) SELECT 'Eve', 1 FROM x")]
    public async Task InvokeAsync_WriteOrSeveralStatements_IsRejectedAndNothingChanges(string sql)
    {
        var result = await RunAsync(Tool(), $$"""{"sql": "{{sql}}"}""");

        Assert.Equal(ToolErrorCodes.InvalidArguments, result.ErrorCode);
        Assert.Equal(4L, CountOrders());
    }

    [Fact]
    public async Task RunAsync_WriteThatSlipsPastTheGuard_IsRefusedByTheDatabase()
    {
        // The guard is the first line; this proves the second: the connection itself refuses to write.
        var runner = new SqliteQueryRunner(_connectionString, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ToolException>(() =>
            runner.RunAsync("DELETE FROM orders", 10, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        Assert.Equal(ToolErrorCodes.Failed, error.Code);
        Assert.Contains("readonly", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4L, CountOrders());
    }

    [Fact]
    public async Task InvokeAsync_RunawayQuery_IsStoppedAtStatementTimeout()
    {
        const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

        var result = await RunAsync(Tool(), $$"""{"sql": "{{Endless}}"}""");

        Assert.Equal(ToolErrorCodes.Timeout, result.ErrorCode);
        Assert.Contains("longer than 1 s", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_UnknownTable_ReportsTheDatabaseError()
    {
        var result = await RunAsync(Tool(), """{"sql": "SELECT * FROM customers"}""");

        Assert.Equal(ToolErrorCodes.Failed, result.ErrorCode);
        Assert.Contains("no such table: customers", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NotConfigured_SaysWhichSettings()
    {
        var result = await RunAsync(new DatabaseTool(new DatabaseToolOptions(), TimeProvider.System), """{"sql": "SELECT 1"}""");

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
        Assert.Contains("Chatbot:Tools:Database:ConnectionString", result.Content, StringComparison.Ordinal);
    }

    private DatabaseTool Tool() => new(
        new DatabaseToolOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = _connectionString, StatementTimeoutSeconds = 1, MaxRows = 100 },
        TimeProvider.System);

    private long CountOrders()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders";
        return (long)command.ExecuteScalar()!;
    }
}
