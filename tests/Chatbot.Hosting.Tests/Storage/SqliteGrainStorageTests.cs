using Chatbot.Conversations;
using Chatbot.Hosting.Storage.Embedded;
using Chatbot.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Chatbot.Hosting.Tests.Storage;

public sealed class SqliteGrainStorageTests : IAsyncDisposable
{
    private const string StateName = "tenant";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-sqlite-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly List<SqliteGrainStorage> _storages = [];

    private string DatabasePath => Path.Combine(_folder, "chatbot.db");

    [Fact]
    public async Task WriteStateAsync_ThenReadStateAsync_RoundTripsStateAndETag()
    {
        var storage = CreateStorage();
        var grain = TenantGrainId("acme");
        var written = NewState(Conversation("c1"));

        await storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TenantState>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("1", written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(Conversation("c1"), Assert.Single(read.State!.Conversations).Value);
    }

    [Fact]
    public async Task ReadStateAsync_NothingWritten_ReturnsEmptyStateWithoutETag()
    {
        var read = new GrainState<TenantState>();

        await CreateStorage().ReadStateAsync(StateName, TenantGrainId("nobody"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Empty(read.State!.Conversations);
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateException()
    {
        var storage = CreateStorage();
        var grain = TenantGrainId("acme");
        await storage.WriteStateAsync(StateName, grain, NewState(Conversation("c1")));
        var first = await ReadAsync(storage, grain);
        var second = await ReadAsync(storage, grain);
        await storage.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, second));

        Assert.Equal("2", (await ReadAsync(storage, grain)).ETag);
    }

    [Fact]
    public async Task WriteStateAsync_NoETagButRowExists_ThrowsInconsistentStateException()
    {
        var storage = CreateStorage();
        var grain = TenantGrainId("acme");
        await storage.WriteStateAsync(StateName, grain, NewState(Conversation("c1")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, NewState(Conversation("c2"))));
    }

    [Fact]
    public async Task ClearStateAsync_AfterWrite_ReadFindsNoRecord()
    {
        var storage = CreateStorage();
        var grain = TenantGrainId("acme");
        var state = NewState(Conversation("c1"));
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.Null(state.ETag);
        Assert.Empty(state.State!.Conversations);
        var read = await ReadAsync(storage, grain);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!.Conversations);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_ThrowsAndKeepsRow()
    {
        var storage = CreateStorage();
        var grain = TenantGrainId("acme");
        await storage.WriteStateAsync(StateName, grain, NewState(Conversation("c1")));
        var stale = await ReadAsync(storage, grain);
        await storage.WriteStateAsync(StateName, grain, await ReadAsync(storage, grain));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        Assert.True((await ReadAsync(storage, grain)).RecordExists);
    }

    [Fact]
    public async Task ReadStateAsync_NewInstanceOnSameFile_ReadsWhatTheOldOneWrote()
    {
        var old = CreateStorage();
        var grain = TenantGrainId("acme");
        await old.WriteStateAsync(StateName, grain, NewState(Conversation("c1")));
        await old.DisposeAsync();

        var read = await ReadAsync(CreateStorage(), grain);

        Assert.Equal("1", read.ETag);
        Assert.Equal("c1", Assert.Single(read.State!.Conversations).Key);
    }

    [Fact]
    public async Task WriteStateAsync_ManyConcurrentGrains_EveryWriteLands()
    {
        var storage = CreateStorage();
        var grains = Enumerable.Range(0, 500).Select(i => TenantGrainId($"tenant-{i}")).ToArray();

        // Two rounds: the second must name the versions the first committed.
        var states = grains.Select((_, i) => NewState(Conversation($"c{i}"))).ToArray();
        await Task.WhenAll(grains.Select((g, i) => storage.WriteStateAsync(StateName, g, states[i])));
        await Task.WhenAll(grains.Select((g, i) => storage.WriteStateAsync(StateName, g, states[i])));

        var reads = await Task.WhenAll(grains.Select(g => ReadAsync(storage, g)));
        Assert.All(states, s => Assert.Equal("2", s.ETag));
        Assert.All(reads.Select((r, i) => (r, i)), x =>
        {
            Assert.Equal("2", x.r.ETag);
            Assert.Equal($"c{x.i}", Assert.Single(x.r.State!.Conversations).Key);
        });
    }

    [Fact]
    public async Task WriteStateAsync_OneStaleAmongConcurrentWrites_FailsOnlyThatCaller()
    {
        var storage = CreateStorage();
        var contested = TenantGrainId("contested");
        await storage.WriteStateAsync(StateName, contested, NewState(Conversation("c0")));
        var stale = new GrainState<TenantState>(new TenantState(), "7");

        var others = Enumerable.Range(0, 200)
            .Select(i => storage.WriteStateAsync(StateName, TenantGrainId($"tenant-{i}"), NewState(Conversation($"c{i}"))))
            .ToList();
        var conflicting = storage.WriteStateAsync(StateName, contested, stale);

        await Task.WhenAll(others);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal("c0", Assert.Single((await ReadAsync(storage, contested)).State!.Conversations).Key);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            await storage.DisposeAsync();
        }

        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteGrainStorage CreateStorage()
    {
        var storage = new SqliteGrainStorage(
            "chatbot", "service", DatabasePath, _services.GetRequiredService<Serializer>(), NullLogger<SqliteGrainStorage>.Instance);
        _storages.Add(storage);
        return storage;
    }

    private static async Task<GrainState<TenantState>> ReadAsync(SqliteGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<TenantState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static GrainId TenantGrainId(string tenant) => GrainId.Create("tenant", tenant);

    private static GrainState<TenantState> NewState(ConversationSummary conversation) =>
        new(new TenantState { Conversations = { [conversation.Id] = conversation } });

    private static ConversationSummary Conversation(string id) => new()
    {
        Id = id,
        Title = $"Conversation {id}",
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero),
    };
}
