using System.Data;
using Chatbot.Hosting.Storage;
using Chatbot.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chatbot.Hosting.Tests.Storage;

public sealed class PostgresMigratorTests(PostgresServer postgres)
{
    // Every query key the 10.x ADO.NET clustering, persistence and reminder providers look up.
    private static readonly string[] s_orleansQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private readonly PostgresMigrator _migrator = new(NullLogger<PostgresMigrator>.Instance);

    [Fact]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryMigrationAndOrleansQueries()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);

        var applied = await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);

        Assert.Equal(PostgresMigration.All.Count, applied);
        Assert.Equal(
            PostgresMigration.All.Select(m => m.Version),
            await QueryAsync(database, "SELECT version FROM chatbot_schema_migrations ORDER BY version", r => r.GetInt32(0)));
        var keys = await QueryAsync(database, "SELECT QueryKey FROM OrleansQuery", r => r.GetString(0));
        Assert.Empty(s_orleansQueryKeys.Except(keys));
    }

    [Fact]
    public async Task ApplyAsync_SecondRun_AppliesNothing()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);

        var applied = await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);

        Assert.Equal(0, applied);
    }

    [Fact]
    public async Task ApplyAsync_ChangedMigrationChecksum_ReappliesItIdempotently()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);
        await ExecuteAsync(database, "UPDATE chatbot_schema_migrations SET checksum = 'edited' WHERE version = 2");

        var applied = await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);

        Assert.Equal(1, applied);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentRuns_ApplyEachMigrationOnce()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => _migrator.ApplyAsync(database, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Equal(PostgresMigration.All.Count, runs.Sum());
    }

    [Fact]
    public async Task MigrateCommand_AdoNetStorageConfigured_AppliesSchemaAndReturnsZero()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);

        var exitCode = await PostgresMigrationCommand.RunAsync(
            ["--Chatbot:Storage:Provider=adonet", $"--Chatbot:Storage:ConnectionString={database}"], TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal(0, await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MigrateCommand_NoPostgresConfigured_ReturnsTwo()
    {
        var exitCode = await PostgresMigrationCommand.RunAsync(
            ["--Chatbot:Storage:Provider=embedded", "--Chatbot:Clustering:Provider=localhost"], TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task ReminderQueries_UpsertReadDelete_FollowOrleansContract()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);
        var start = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var row = new Dictionary<string, object>
        {
            ["ServiceId"] = "svc", ["GrainId"] = "tenant/acme", ["ReminderName"] = "flush",
            ["GrainHash"] = 42, ["StartTime"] = start, ["Period"] = 60_000,
        };

        var first = await OrleansQueryAsync(database, "UpsertReminderRowKey", row, r => Convert.ToInt32(r["Version"]));
        var second = await OrleansQueryAsync(database, "UpsertReminderRowKey", row, r => Convert.ToInt32(r["Version"]));
        var read = await OrleansQueryAsync(database, "ReadReminderRowKey", row, r => (r.GetDateTime(r.GetOrdinal("StartTime")), r.GetInt64(r.GetOrdinal("Period"))));
        var inRange = await OrleansQueryAsync(database, "ReadRangeRows1Key", new() { ["ServiceId"] = "svc", ["BeginHash"] = 0, ["EndHash"] = 100 }, r => r.GetString(r.GetOrdinal("GrainId")));
        var wrapped = await OrleansQueryAsync(database, "ReadRangeRows2Key", new() { ["ServiceId"] = "svc", ["BeginHash"] = 100, ["EndHash"] = 0 }, r => r.GetString(r.GetOrdinal("GrainId")));
        var staleDelete = await OrleansQueryAsync(database, "DeleteReminderRowKey", new(row) { ["Version"] = 0 }, r => Convert.ToBoolean(r[0]));
        var delete = await OrleansQueryAsync(database, "DeleteReminderRowKey", new(row) { ["Version"] = 1 }, r => Convert.ToBoolean(r[0]));

        Assert.Equal([0], first);
        Assert.Equal([1], second);
        Assert.Equal([(start, 60_000L)], read);
        Assert.Equal(["tenant/acme"], inRange);
        Assert.Empty(wrapped);
        Assert.Equal([false], staleDelete);
        Assert.Equal([true], delete);
    }

    [Fact]
    public async Task MembershipQueries_StaleTableVersion_RejectWrites()
    {
        var database = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _migrator.ApplyAsync(database, TestContext.Current.CancellationToken);
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var silo = new Dictionary<string, object>
        {
            ["DeploymentId"] = "cluster", ["Address"] = "127.0.0.1", ["Port"] = 11111, ["Generation"] = 1,
            ["SiloName"] = "silo-1", ["HostName"] = "host", ["Status"] = 3, ["ProxyPort"] = 30000,
            ["StartTime"] = now, ["IAmAliveTime"] = now, ["SuspectTimes"] = DBNull.Value,
        };
        Func<IDataRecord, bool> boolean = r => Convert.ToBoolean(r[0]);

        var versionRow = await OrleansQueryAsync(database, "InsertMembershipVersionKey", silo, boolean);
        var versionRowAgain = await OrleansQueryAsync(database, "InsertMembershipVersionKey", silo, boolean);
        var insert = await OrleansQueryAsync(database, "InsertMembershipKey", new(silo) { ["Version"] = 0 }, boolean);
        var staleInsert = await OrleansQueryAsync(database, "InsertMembershipKey", new(silo) { ["Version"] = 0, ["Port"] = 11112 }, boolean);
        var dead = await OrleansQueryAsync(database, "UpdateMembershipKey", new(silo) { ["Version"] = 1, ["Status"] = 6 }, boolean);
        var staleUpdate = await OrleansQueryAsync(database, "UpdateMembershipKey", new(silo) { ["Version"] = 1, ["Status"] = 3 }, boolean);
        await OrleansQueryAsync(database, "CleanupDefunctSiloEntryKey", silo, boolean);
        var all = await OrleansQueryAsync(database, "MembershipReadAllKey", silo, r => (Version: Convert.ToInt32(r["Version"]), Address: r["Address"]));

        Assert.Equal([true], versionRow);
        Assert.Equal([false], versionRowAgain);
        Assert.Equal([true], insert);
        Assert.Equal([false], staleInsert);
        Assert.Equal([true], dead);
        Assert.Equal([false], staleUpdate);
        Assert.Equal([(2, (object)DBNull.Value)], all);
    }

    // Runs a stored Orleans query the way the ADO.NET providers do: text from OrleansQuery, @-named parameters.
    private static async Task<List<T>> OrleansQueryAsync<T>(string database, string key, Dictionary<string, object> parameters, Func<IDataRecord, T> read)
    {
        var text = (await QueryAsync(database, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{key}'", r => r.GetString(0))).Single();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameter.DbType = value switch
            {
                string => DbType.String,
                DateTime => DbType.DateTime,
                int => DbType.Int32,
                _ => parameter.DbType,
            };
            command.Parameters.Add(parameter);
        }

        return await ReadAllAsync(command, read);
    }

    private static async Task<List<T>> QueryAsync<T>(string database, string sql, Func<IDataRecord, T> read)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await ReadAllAsync(command, read);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<IDataRecord, T> read)
    {
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
