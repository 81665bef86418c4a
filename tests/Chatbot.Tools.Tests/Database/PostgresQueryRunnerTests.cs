using Chatbot.Testing.Servers;
using Chatbot.Tools.Database;
using Chatbot.Tools.Invocation;
using Npgsql;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Database;

/// <summary>The PostgreSQL path against a private server: the server itself enforces read-only and the statement timeout.</summary>
public sealed class PostgresQueryRunnerTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL);" +
            "INSERT INTO orders (customer, total) VALUES ('Ada', 120.50), ('Grace', 80), ('Linus', 42.25);",
            connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task InvokeAsync_Select_ReturnsRows()
    {
        var tool = new DatabaseTool(
            new DatabaseToolOptions { Provider = DatabaseProviders.PostgreSql, ConnectionString = _connectionString }, TimeProvider.System);

        var content = Content(await RunAsync(tool, """{"sql": "SELECT customer, total FROM orders ORDER BY total DESC", "max_rows": 2}"""));

        Assert.Equal("Ada", content.GetProperty("rows")[0][0].GetString());
        Assert.Equal(120.50m, content.GetProperty("rows")[0][1].GetDecimal());
        Assert.True(content.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("DELETE FROM orders")]
    [InlineData("SELECT 1; DELETE FROM orders")]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone")]
    public async Task RunAsync_WriteThatSlipsPastTheGuard_IsRefusedByTheServer(string sql)
    {
        var error = await Assert.ThrowsAsync<ToolException>(() => Runner().RunAsync(sql, 10, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        Assert.Equal(ToolErrorCodes.Denied, error.Code);
        Assert.Contains("read-only transaction", error.Message, StringComparison.Ordinal);
        Assert.Equal(3L, await CountOrdersAsync());
    }

    [Fact]
    public async Task RunAsync_TryingToLeaveReadOnlyMode_Fails()
    {
        var error = await Assert.ThrowsAsync<ToolException>(() => Runner().RunAsync(
            "SELECT set_config('transaction_read_only', 'off', true)", 10, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        Assert.Equal(ToolErrorCodes.Failed, error.Code);
    }

    [Fact]
    public async Task RunAsync_SlowQuery_IsCancelledByStatementTimeout()
    {
        var error = await Assert.ThrowsAsync<ToolException>(() =>
            Runner().RunAsync("SELECT pg_sleep(30)", 10, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Equal(ToolErrorCodes.Timeout, error.Code);
    }

    private PostgresQueryRunner Runner() => new(_connectionString);

    private async Task<long> CountOrdersAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orders", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
