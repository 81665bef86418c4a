using System.Data.Common;
using System.Runtime.InteropServices;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;

namespace Chatbot.Hosting.Storage.Knowledge;

/// <summary>
/// <see cref="IKnowledgeStore"/> over ADO.NET: one implementation for SQLite (single machine) and PostgreSQL (cluster);
/// the SQL is portable between the two and only the schema differs (<see cref="KnowledgeStoreDialect"/>).
/// </summary>
internal sealed partial class SqlKnowledgeStore(KnowledgeStoreDialect dialect) : IKnowledgeStore
{
    private readonly Lazy<Task> _schema = new(() => Task.Run(async () =>
    {
        await using var connection = dialect.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = dialect.Schema;
        await command.ExecuteNonQueryAsync();
    }));

    public Task SaveDocumentAsync(StoredDocument d, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, """
            INSERT INTO kb_documents (tenant, dataset, document_id, file_name, content_type, content, uploaded_at)
            VALUES (@t, @d, @id, @name, @type, @content, @at)
            ON CONFLICT (tenant, dataset, document_id) DO UPDATE SET file_name = excluded.file_name,
                content_type = excluded.content_type, content = excluded.content, uploaded_at = excluded.uploaded_at
            """, ("t", d.Tenant), ("d", d.Dataset), ("id", d.DocumentId), ("name", d.FileName), ("type", d.ContentType),
            ("content", d.Content), ("at", d.UploadedAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return 0;
    }, cancellationToken);

    public Task<StoredDocument?> GetDocumentAsync(string tenant, string dataset, string documentId, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection,
                "SELECT file_name, content_type, content, uploaded_at FROM kb_documents WHERE tenant = @t AND dataset = @d AND document_id = @id",
                ("t", tenant), ("d", dataset), ("id", documentId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredDocument(tenant, dataset, documentId, reader.GetString(0), reader.GetString(1), (byte[])reader[2],
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
                : null;
        }, cancellationToken);

    public Task ReplaceChunksAsync(string tenant, string dataset, string documentId, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var delete = Command(connection, "DELETE FROM kb_chunks WHERE tenant = @t AND dataset = @d AND document_id = @id",
                ("t", tenant), ("d", dataset), ("id", documentId)))
            {
                delete.Transaction = transaction;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var c in chunks)
            {
                await using var insert = Command(connection, """
                    INSERT INTO kb_chunks (tenant, dataset, chunk_id, document_id, partition, chunk_index, title, section, text,
                                           start_offset, end_offset, page, document_date, vector)
                    VALUES (@t, @d, @c, @id, @p, @i, @title, @section, @text, @s, @e, @page, @date, @v)
                    """, ("t", tenant), ("d", dataset), ("c", c.ChunkId), ("id", documentId), ("p", c.Partition), ("i", c.Index),
                    ("title", c.Title), ("section", c.Section), ("text", c.Text), ("s", c.Start), ("e", c.End),
                    ("page", c.Page), ("date", c.DocumentDate.ToUnixTimeMilliseconds()), ("v", MemoryMarshal.AsBytes(c.Vector.AsSpan()).ToArray()));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task SaveDocumentStatusAsync(string tenant, string dataset, DocumentStatus status, CancellationToken cancellationToken) =>
        SaveDocumentStatusesAsync(tenant, dataset, [status], cancellationToken);

    public Task SaveDocumentStatusesAsync(
        string tenant, string dataset, IReadOnlyCollection<DocumentStatus> statuses, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var status in statuses)
            {
                await using var upsert = Command(connection, """
                    INSERT INTO kb_document_status (tenant, dataset, document_id, status) VALUES (@t, @d, @id, @status)
                    ON CONFLICT (tenant, dataset, document_id) DO UPDATE SET status = excluded.status
                    """, ("t", tenant), ("d", dataset), ("id", status.DocumentId), ("status", DocumentStatusJson.Serialize(status)));
                upsert.Transaction = transaction;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<DocumentStatus>> LoadDocumentStatusesAsync(string tenant, string dataset, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<DocumentStatus>>(async connection =>
        {
            await using var command = Command(connection,
                "SELECT status FROM kb_document_status WHERE tenant = @t AND dataset = @d", ("t", tenant), ("d", dataset));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var statuses = new List<DocumentStatus>();
            while (await reader.ReadAsync(cancellationToken))
            {
                statuses.Add(DocumentStatusJson.Deserialize(reader.GetString(0)));
            }

            return statuses;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredChunk>> LoadPartitionAsync(string tenant, string dataset, int partition, CancellationToken cancellationToken) =>
        LoadChunksAsync(partition, null, [("t", tenant), ("d", dataset), ("p", partition)], cancellationToken);

    public Task<IReadOnlyList<StoredChunk>> LoadDocumentChunksAsync(
        string tenant, string dataset, int partition, string documentId, CancellationToken cancellationToken) =>
        LoadChunksAsync(partition, "document_id = @id", [("t", tenant), ("d", dataset), ("p", partition), ("id", documentId)], cancellationToken);

    private Task<IReadOnlyList<StoredChunk>> LoadChunksAsync(
        int partition, string? extraCondition, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<StoredChunk>>(async connection =>
        {
            var condition = "tenant = @t AND dataset = @d AND partition = @p" + (extraCondition is null ? "" : " AND " + extraCondition);
            await using var command = Command(connection, $"""
                SELECT chunk_id, document_id, chunk_index, title, section, text, start_offset, end_offset, page, document_date, vector
                FROM kb_chunks WHERE {condition} ORDER BY document_id, chunk_index
                """, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var chunks = new List<StoredChunk>();
            while (await reader.ReadAsync(cancellationToken))
            {
                chunks.Add(new StoredChunk
                {
                    ChunkId = reader.GetString(0),
                    DocumentId = reader.GetString(1),
                    Partition = partition,
                    Index = reader.GetInt32(2),
                    Title = reader.GetString(3),
                    Section = reader.GetString(4),
                    Text = reader.GetString(5),
                    Start = reader.GetInt32(6),
                    End = reader.GetInt32(7),
                    Page = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    DocumentDate = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                    Vector = MemoryMarshal.Cast<byte, float>(((byte[])reader[10]).AsSpan()).ToArray(),
                });
            }

            return chunks;
        }, cancellationToken);

    // A document's rows, and a dataset's rows besides those of its documents.
    private static readonly string[] s_documentTables = ["kb_chunks", "kb_documents", "kb_document_status", "kb_graph_parts"];
    private static readonly string[] s_datasetTables = [.. s_documentTables, "kb_entity_aliases", "kb_graph_communities"];

    public Task DeleteDocumentAsync(string tenant, string dataset, string documentId, CancellationToken cancellationToken) =>
        DeleteAsync(s_documentTables, "document_id = @id", [("t", tenant), ("d", dataset), ("id", documentId)], cancellationToken);

    public Task DeleteDatasetAsync(string tenant, string dataset, CancellationToken cancellationToken) =>
        DeleteAsync(s_datasetTables, null, [("t", tenant), ("d", dataset)], cancellationToken);

    private Task DeleteAsync(string[] tables, string? extraCondition, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            var condition = "tenant = @t AND dataset = @d" + (extraCondition is null ? "" : " AND " + extraCondition);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = Command(connection,
                string.Concat(tables.Select(table => $"DELETE FROM {table} WHERE {condition};\n")), parameters);
            command.Transaction = transaction;
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }, cancellationToken);

    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _schema.Value;
        async Task<T> Run()
        {
            await using var connection = dialect.Connect();
            await connection.OpenAsync(cancellationToken);
            return await work(connection);
        }

        return dialect.Blocking ? await Task.Run(Run, cancellationToken) : await Run();
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
