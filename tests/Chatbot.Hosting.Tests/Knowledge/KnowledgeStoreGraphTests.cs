using Chatbot.Hosting.Storage.Knowledge;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;
using Chatbot.Testing.Servers;

namespace Chatbot.Hosting.Tests.Knowledge;

/// <summary>The graph tables of the knowledge store (parts per document and partition, aliases, community summaries), on
/// SQLite and on PostgreSQL.</summary>
public sealed class KnowledgeStoreGraphTests(PostgresServer postgres) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-kbgraph-").FullName;

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ReplaceGraphAsync_LoadsByPartitionAndDocumentAndReplacesTheDocumentsParts(string engine)
    {
        var store = await StoreAsync(engine);
        await store.ReplaceGraphAsync("acme", "kb", "a.md", [new("a.md", 0, [1, 2]), new("a.md", 1, [3])], Ct);
        await store.ReplaceGraphAsync("acme", "kb", "b.md", [new("b.md", 1, [4])], Ct);
        await store.ReplaceGraphAsync("acme", "kb", "a.md", [new("a.md", 1, [5, 6])], Ct);

        var partition1 = await store.LoadGraphPartitionAsync("acme", "kb", 1, Ct);

        Assert.Empty(await store.LoadGraphPartitionAsync("acme", "kb", 0, Ct));
        Assert.Equal([("a.md", new byte[] { 5, 6 }), ("b.md", new byte[] { 4 })], partition1.Select(p => (p.DocumentId, p.Graph)));
        Assert.Equal([4], (await store.LoadDocumentGraphAsync("acme", "kb", 1, "b.md", Ct))!.Graph);
        Assert.Null(await store.LoadDocumentGraphAsync("acme", "kb", 0, "b.md", Ct));
        Assert.Empty(await store.LoadGraphPartitionAsync("globex", "kb", 1, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task DeleteDocumentAndDataset_TakeTheirGraphRowsAlong(string engine)
    {
        var store = await StoreAsync(engine);
        await store.ReplaceGraphAsync("acme", "kb", "a.md", [new("a.md", 0, [1])], Ct);
        await store.ReplaceGraphAsync("acme", "kb", "b.md", [new("b.md", 0, [2])], Ct);
        await store.SaveEntityAliasesAsync("acme", "kb", new Dictionary<string, string> { ["who"] = "world health organization" }, Ct);
        await store.SaveCommunitiesAsync("acme", "kb", [Summary()], Ct);

        await store.DeleteDocumentAsync("acme", "kb", "a.md", Ct);
        var afterDocument = await store.LoadGraphPartitionAsync("acme", "kb", 0, Ct);
        await store.DeleteDatasetAsync("acme", "kb", Ct);

        Assert.Equal(["b.md"], afterDocument.Select(p => p.DocumentId));
        Assert.Empty(await store.LoadGraphPartitionAsync("acme", "kb", 0, Ct));
        Assert.Empty(await store.LoadEntityAliasesAsync("acme", "kb", Ct));
        Assert.Empty(await store.LoadCommunitiesAsync("acme", "kb", Ct));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AliasesAndCommunities_RoundTripAndReplace(string engine)
    {
        var store = await StoreAsync(engine);
        await store.SaveEntityAliasesAsync("acme", "kb", new Dictionary<string, string> { ["who"] = "world health organization", ["x"] = "y" }, Ct);
        await store.SaveEntityAliasesAsync("acme", "kb", new Dictionary<string, string> { ["who"] = "world health organization" }, Ct);
        await store.SaveCommunitiesAsync("acme", "kb", [Summary(), Summary() with { Id = 2 }], Ct);
        await store.SaveCommunitiesAsync("acme", "kb", [Summary()], Ct);

        var aliases = await store.LoadEntityAliasesAsync("acme", "kb", Ct);
        var community = Assert.Single(await store.LoadCommunitiesAsync("acme", "kb", Ct));

        Assert.Equal("world health organization", Assert.Single(aliases).Value);
        Assert.Equal(Summary().Title, community.Title);
        Assert.Equal(Summary().Entities, community.Entities);
        Assert.Equal(Summary().Chunks, community.Chunks);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IKnowledgeStore> StoreAsync(string engine) => new SqlKnowledgeStore(engine == "postgres"
        ? KnowledgeStoreDialect.Postgres(await postgres.CreateDatabaseAsync(cancellationToken: Ct))
        : KnowledgeStoreDialect.Sqlite(Path.Combine(_folder, "knowledge.db")));

    private static GraphCommunitySummary Summary() => new(
        0, 1, 3, "Vega Lab, Lisbon, Bruno Costa", "Vega Lab, Lisbon, Bruno Costa: The Vega Lab is located in Lisbon.",
        [new("ent_1", "Vega Lab", "organization"), new("ent_2", "Lisbon", "location")], [new("lab.txt", "lab.txt:0")]);
}
