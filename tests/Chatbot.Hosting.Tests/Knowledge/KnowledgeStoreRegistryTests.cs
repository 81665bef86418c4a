using Chatbot.Hosting.Storage.Knowledge;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;
using Chatbot.Testing.Servers;

namespace Chatbot.Hosting.Tests.Knowledge;

/// <summary>The document registry rows of the knowledge store, on SQLite and on PostgreSQL.</summary>
public sealed class KnowledgeStoreRegistryTests(PostgresServer postgres) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-kbstore-").FullName;

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task SaveDocumentStatusAsync_ThenLoad_RoundTripsEveryFieldAndReplacesByDocumentId(string engine)
    {
        var store = await StoreAsync(engine);
        var pending = Status("a.md", DocumentState.Pending);
        var done = pending with { State = DocumentState.Done, ChunkCount = 7, IndexedAt = pending.UploadedAt.AddSeconds(3), Version = 2 };

        await store.SaveDocumentStatusAsync("acme", "default", pending, Ct);
        await store.SaveDocumentStatusAsync("acme", "default", done, Ct);
        var loaded = await store.LoadDocumentStatusesAsync("acme", "default", Ct);

        Assert.Equal(done, Assert.Single(loaded));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task DeleteDocumentAsync_RemovesItsRegistryRowOnlyAndOtherTenantsKeepTheirs(string engine)
    {
        var store = await StoreAsync(engine);
        await store.SaveDocumentStatusesAsync("acme", "default",
            [Status("a.md", DocumentState.Done), Status("b.md", DocumentState.Failed) with { Error = "corrupt PDF" }], Ct);
        await store.SaveDocumentStatusAsync("globex", "default", Status("a.md", DocumentState.Done), Ct);

        await store.DeleteDocumentAsync("acme", "default", "a.md", Ct);

        var acme = Assert.Single(await store.LoadDocumentStatusesAsync("acme", "default", Ct));
        Assert.Equal(("b.md", "corrupt PDF"), (acme.DocumentId, acme.Error));
        Assert.Single(await store.LoadDocumentStatusesAsync("globex", "default", Ct));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task DeleteDatasetAsync_RemovesEveryRegistryRowOfTheDataset(string engine)
    {
        var store = await StoreAsync(engine);
        await store.SaveDocumentStatusesAsync("acme", "default", [Status("a.md", DocumentState.Done), Status("b.md", DocumentState.Pending)], Ct);
        await store.SaveDocumentStatusAsync("acme", "manuals", Status("c.md", DocumentState.Done), Ct);

        await store.DeleteDatasetAsync("acme", "default", Ct);

        Assert.Empty(await store.LoadDocumentStatusesAsync("acme", "default", Ct));
        Assert.Single(await store.LoadDocumentStatusesAsync("acme", "manuals", Ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IKnowledgeStore> StoreAsync(string engine) => new SqlKnowledgeStore(engine == "postgres"
        ? KnowledgeStoreDialect.Postgres(await postgres.CreateDatabaseAsync(cancellationToken: Ct))
        : KnowledgeStoreDialect.Sqlite(Path.Combine(_folder, "knowledge.db")));

    private static DocumentStatus Status(string id, DocumentState state) => new()
    {
        DocumentId = id,
        FileName = id,
        ContentType = "text/markdown",
        SizeBytes = 1234,
        State = state,
        UploadedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
        Version = 1,
    };
}
