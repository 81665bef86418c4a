using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chatbot.Hosting.Storage.Knowledge;

/// <summary>What differs between the SQLite and PostgreSQL knowledge stores: connections, DDL, and whether the driver
/// blocks (SQLite's async methods run synchronously, so its calls are moved to the thread pool). Every table is created
/// with IF NOT EXISTS, so a store written by an earlier version gains the newer tables (graph parts, entity aliases,
/// community summaries) on its first use.</summary>
internal sealed record KnowledgeStoreDialect(Func<DbConnection> Connect, string Schema, bool Blocking)
{
    public static KnowledgeStoreDialect Sqlite(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new(() => new SqliteConnection(connectionString), """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS kb_documents (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL,
                file_name TEXT NOT NULL, content_type TEXT NOT NULL, content BLOB NOT NULL, uploaded_at INTEGER NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id));
            CREATE TABLE IF NOT EXISTS kb_chunks (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, chunk_id TEXT NOT NULL, document_id TEXT NOT NULL,
                partition INTEGER NOT NULL, chunk_index INTEGER NOT NULL, title TEXT NOT NULL, section TEXT NOT NULL,
                text TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, page INTEGER NULL,
                document_date INTEGER NOT NULL, vector BLOB NOT NULL,
                PRIMARY KEY (tenant, dataset, chunk_id));
            CREATE INDEX IF NOT EXISTS kb_chunks_partition ON kb_chunks (tenant, dataset, partition);
            CREATE INDEX IF NOT EXISTS kb_chunks_document ON kb_chunks (tenant, dataset, document_id);
            CREATE TABLE IF NOT EXISTS kb_document_status (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL, status TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id));
            CREATE TABLE IF NOT EXISTS kb_graph_parts (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL, partition INTEGER NOT NULL,
                graph BLOB NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id, partition));
            CREATE INDEX IF NOT EXISTS kb_graph_parts_partition ON kb_graph_parts (tenant, dataset, partition);
            CREATE TABLE IF NOT EXISTS kb_entity_aliases (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, alias TEXT NOT NULL, canonical TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset, alias));
            CREATE TABLE IF NOT EXISTS kb_graph_communities (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, communities TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset));
            """, Blocking: true);
    }

    public static KnowledgeStoreDialect Postgres(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new(() => dataSource.CreateConnection(), """
            CREATE TABLE IF NOT EXISTS kb_documents (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL,
                file_name TEXT NOT NULL, content_type TEXT NOT NULL, content BYTEA NOT NULL, uploaded_at BIGINT NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id));
            CREATE TABLE IF NOT EXISTS kb_chunks (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, chunk_id TEXT NOT NULL, document_id TEXT NOT NULL,
                partition INTEGER NOT NULL, chunk_index INTEGER NOT NULL, title TEXT NOT NULL, section TEXT NOT NULL,
                text TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, page INTEGER NULL,
                document_date BIGINT NOT NULL, vector BYTEA NOT NULL,
                PRIMARY KEY (tenant, dataset, chunk_id));
            CREATE INDEX IF NOT EXISTS kb_chunks_partition ON kb_chunks (tenant, dataset, partition);
            CREATE INDEX IF NOT EXISTS kb_chunks_document ON kb_chunks (tenant, dataset, document_id);
            CREATE TABLE IF NOT EXISTS kb_document_status (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL, status TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id));
            CREATE TABLE IF NOT EXISTS kb_graph_parts (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, document_id TEXT NOT NULL, partition INTEGER NOT NULL,
                graph BYTEA NOT NULL,
                PRIMARY KEY (tenant, dataset, document_id, partition));
            CREATE INDEX IF NOT EXISTS kb_graph_parts_partition ON kb_graph_parts (tenant, dataset, partition);
            CREATE TABLE IF NOT EXISTS kb_entity_aliases (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, alias TEXT NOT NULL, canonical TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset, alias));
            CREATE TABLE IF NOT EXISTS kb_graph_communities (
                tenant TEXT NOT NULL, dataset TEXT NOT NULL, communities TEXT NOT NULL,
                PRIMARY KEY (tenant, dataset));
            """, Blocking: false);
    }
}
