using Chatbot.Gateway.Grpc;
using Chatbot.Knowledge;
using Google.Protobuf.WellKnownTypes;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Knowledge;

/// <summary>Maps knowledge-base records to their gRPC messages (the HTTP API's JSON, field for field).</summary>
internal static class KnowledgeGrpcWire
{
    /// <summary>An index request as the HTTP endpoint reads it, so both are checked by the same code.</summary>
    public static IndexRequest ToRequest(Wire.IndexRequest request) => new(
        request.DatasetId.Length == 0 ? null : request.DatasetId,
        request.HasIndexType ? request.IndexType : null,
        request.Options is { } o
            ? new IndexRequestOptions(
                o.HasChunkSize ? o.ChunkSize : null, o.HasOverlap ? o.Overlap : null,
                o.HasExtractEntities ? o.ExtractEntities : null, o.HasBuildGraph ? o.BuildGraph : null)
            : null);

    public static Wire.DatasetStatus ToWire(DatasetStatus status)
    {
        var wire = new Wire.DatasetStatus
        {
            DatasetId = status.DatasetId,
            Total = status.Total,
            InProgress = status.InProgress,
            Done = status.Done,
            Failed = status.Failed,
            ChunkCount = status.ChunkCount,
            Progress = status.Progress,
            Settings = new Wire.IndexSettings
            {
                IndexType = status.Settings.IndexType,
                ChunkSize = status.Settings.ChunkSize,
                Overlap = status.Settings.Overlap,
                ExtractEntities = status.Settings.ExtractEntities,
                BuildGraph = status.Settings.BuildGraph,
            },
        };
        wire.Documents.AddRange(status.Documents.Select(ToWire));
        return wire;
    }

    public static Wire.DocumentStatus ToWire(DocumentStatus document)
    {
        var wire = new Wire.DocumentStatus
        {
            DocumentId = document.DocumentId,
            FileName = document.FileName,
            ContentType = document.ContentType,
            SizeBytes = document.SizeBytes,
            State = WireNames.Of(document.State),
            ChunkCount = document.ChunkCount,
            UploadedAt = Timestamp.FromDateTimeOffset(document.UploadedAt),
            IndexedAt = document.IndexedAt is { } indexed ? Timestamp.FromDateTimeOffset(indexed) : null,
            Version = document.Version,
        };
        if (document.Error is not null)
        {
            wire.Error = document.Error;
        }

        return wire;
    }

    public static Wire.SearchHit ToWire(SearchHit hit)
    {
        var wire = new Wire.SearchHit
        {
            DatasetId = hit.DatasetId,
            DocumentId = hit.DocumentId,
            ChunkId = hit.ChunkId,
            Title = hit.Title,
            Section = hit.Section,
            Text = hit.Text,
            Score = hit.Score,
            Start = hit.Start,
            End = hit.End,
        };
        if (hit.Bm25Score is { } bm25)
        {
            wire.Bm25Score = bm25;
        }

        if (hit.DenseScore is { } dense)
        {
            wire.DenseScore = dense;
        }

        if (hit.Page is { } page)
        {
            wire.Page = page;
        }

        return wire;
    }
}
