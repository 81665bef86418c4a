using Chatbot.Hosting.Storage.Embedded;

namespace Chatbot.Hosting.Tests.Storage;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-reminders-").FullName;

    private string DatabasePath => Path.Combine(_folder, "chatbot.db");

    [Fact]
    public async Task UpsertRow_ThenReadRowFromANewInstance_SurvivesTheRestartWithItsSchedule()
    {
        var entry = Entry("kb/acme/default", "index-job", new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc));
        var first = await TableAsync();
        var etag = await first.UpsertRow(entry);

        var restarted = await TableAsync();
        var read = await restarted.ReadRow(entry.GrainId, "index-job");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(entry.GrainId, read.GrainId);
    }

    [Fact]
    public async Task UpsertRow_Twice_ChangesTheETagAndKeepsOneRow()
    {
        var table = await TableAsync();
        var entry = Entry("kb/acme/default", "index-job", DateTime.UtcNow);

        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);

        Assert.NotEqual(first, second);
        Assert.Single((await table.ReadRows(entry.GrainId)).Reminders);
    }

    [Fact]
    public async Task RemoveRow_StaleETag_KeepsTheRowAndCurrentETagRemovesIt()
    {
        var table = await TableAsync();
        var entry = Entry("kb/acme/default", "index-job", DateTime.UtcNow);
        var stale = await table.UpsertRow(entry);
        var current = await table.UpsertRow(entry);

        Assert.False(await table.RemoveRow(entry.GrainId, "index-job", stale!));
        Assert.True(await table.RemoveRow(entry.GrainId, "index-job", current!));
        Assert.Null(await table.ReadRow(entry.GrainId, "index-job"));
    }

    [Fact]
    public async Task ReadRows_HashRange_ReturnsRowsInTheRingRangeIncludingWhenItWraps()
    {
        var table = await TableAsync();
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"kb/t{i}/default", "index-job", DateTime.UtcNow)).ToList();
        foreach (var entry in entries)
        {
            await table.UpsertRow(entry);
        }

        var hashes = entries.Select(e => e.GrainId.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[10], hashes[30]);
        var inside = await table.ReadRows(low, high);
        var wrapped = await table.ReadRows(high, low);

        Assert.Equal(hashes.Where(h => h > low && h <= high), inside.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
        Assert.Equal(hashes.Where(h => h > high || h <= low), wrapped.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
    }

    [Fact]
    public async Task ReadRows_OtherService_SeesNoneOfThisServicesReminders()
    {
        var table = await TableAsync("service-a");
        var other = await TableAsync("service-b");
        var entry = Entry("kb/acme/default", "index-job", DateTime.UtcNow);
        await table.UpsertRow(entry);

        Assert.Empty((await other.ReadRows(entry.GrainId)).Reminders);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<SqliteReminderTable> TableAsync(string serviceId = "chatbot")
    {
        var table = new SqliteReminderTable(serviceId, DatabasePath);
        await table.Init();
        return table;
    }

    private static ReminderEntry Entry(string key, string name, DateTime startAt) => new()
    {
        GrainId = GrainId.Create("knowledgebase", key),
        ReminderName = name,
        StartAt = startAt,
        Period = TimeSpan.FromMinutes(1),
    };
}
