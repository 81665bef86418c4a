using System.Text.Json;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;

namespace Chatbot.Hosting.Storage.Knowledge;

// The graph's tables: one blob per document and partition (kb_graph_parts), the dataset's entity aliases
// (kb_entity_aliases) and its community summaries as one JSON row (kb_graph_communities).
internal sealed partial class SqlKnowledgeStore
{
    private static readonly JsonSerializerOptions s_communityJson = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<string>> LoadChunkTextsAsync(string tenant, string dataset, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = Command(connection,
                "SELECT text FROM kb_chunks WHERE tenant = @t AND dataset = @d", ("t", tenant), ("d", dataset));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var texts = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                texts.Add(reader.GetString(0));
            }

            return texts;
        }, cancellationToken);

    public Task ReplaceGraphAsync(
        string tenant, string dataset, string documentId, IReadOnlyList<StoredGraphPart> parts, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var delete = Command(connection, "DELETE FROM kb_graph_parts WHERE tenant = @t AND dataset = @d AND document_id = @id",
                ("t", tenant), ("d", dataset), ("id", documentId)))
            {
                delete.Transaction = transaction;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var part in parts)
            {
                await using var insert = Command(connection,
                    "INSERT INTO kb_graph_parts (tenant, dataset, document_id, partition, graph) VALUES (@t, @d, @id, @p, @g)",
                    ("t", tenant), ("d", dataset), ("id", documentId), ("p", part.Partition), ("g", part.Graph));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredGraphPart>> LoadGraphPartitionAsync(string tenant, string dataset, int partition, CancellationToken cancellationToken) =>
        LoadGraphPartsAsync(null, [("t", tenant), ("d", dataset), ("p", partition)], cancellationToken);

    public async Task<StoredGraphPart?> LoadDocumentGraphAsync(
        string tenant, string dataset, int partition, string documentId, CancellationToken cancellationToken) =>
        (await LoadGraphPartsAsync("document_id = @id", [("t", tenant), ("d", dataset), ("p", partition), ("id", documentId)], cancellationToken))
        .SingleOrDefault();

    private Task<IReadOnlyList<StoredGraphPart>> LoadGraphPartsAsync(
        string? extraCondition, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<StoredGraphPart>>(async connection =>
        {
            var condition = "tenant = @t AND dataset = @d AND partition = @p" + (extraCondition is null ? "" : " AND " + extraCondition);
            await using var command = Command(connection,
                $"SELECT document_id, partition, graph FROM kb_graph_parts WHERE {condition} ORDER BY document_id", parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var parts = new List<StoredGraphPart>();
            while (await reader.ReadAsync(cancellationToken))
            {
                parts.Add(new StoredGraphPart(reader.GetString(0), reader.GetInt32(1), (byte[])reader[2]));
            }

            return parts;
        }, cancellationToken);

    public Task SaveEntityAliasesAsync(
        string tenant, string dataset, IReadOnlyDictionary<string, string> aliases, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var delete = Command(connection, "DELETE FROM kb_entity_aliases WHERE tenant = @t AND dataset = @d",
                ("t", tenant), ("d", dataset)))
            {
                delete.Transaction = transaction;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (alias, canonical) in aliases)
            {
                await using var insert = Command(connection,
                    "INSERT INTO kb_entity_aliases (tenant, dataset, alias, canonical) VALUES (@t, @d, @a, @c)",
                    ("t", tenant), ("d", dataset), ("a", alias), ("c", canonical));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> LoadEntityAliasesAsync(string tenant, string dataset, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, string>>(async connection =>
        {
            await using var command = Command(connection,
                "SELECT alias, canonical FROM kb_entity_aliases WHERE tenant = @t AND dataset = @d", ("t", tenant), ("d", dataset));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                aliases[reader.GetString(0)] = reader.GetString(1);
            }

            return aliases;
        }, cancellationToken);

    public Task SaveCommunitiesAsync(
        string tenant, string dataset, IReadOnlyList<GraphCommunitySummary> communities, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var upsert = Command(connection, """
                INSERT INTO kb_graph_communities (tenant, dataset, communities) VALUES (@t, @d, @c)
                ON CONFLICT (tenant, dataset) DO UPDATE SET communities = excluded.communities
                """, ("t", tenant), ("d", dataset), ("c", JsonSerializer.Serialize(communities, s_communityJson)));
            return await upsert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<GraphCommunitySummary>> LoadCommunitiesAsync(string tenant, string dataset, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<GraphCommunitySummary>>(async connection =>
        {
            await using var command = Command(connection,
                "SELECT communities FROM kb_graph_communities WHERE tenant = @t AND dataset = @d", ("t", tenant), ("d", dataset));
            var json = await command.ExecuteScalarAsync(cancellationToken) as string;
            return json is null
                ? []
                : JsonSerializer.Deserialize<List<GraphCommunitySummary>>(json, s_communityJson)
                  ?? throw new InvalidDataException("A community summary row holds no summaries.");
        }, cancellationToken);
}
