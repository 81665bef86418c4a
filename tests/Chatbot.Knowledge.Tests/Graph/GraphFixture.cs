using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Ingestion;

namespace Chatbot.Knowledge.Tests.Graph;

/// <summary>Builds graphs from small documents the way ingestion will: pattern extraction per chunk, one resolver per dataset.</summary>
internal static class GraphFixture
{
    private static readonly PatternGraphExtractor Extractor = new();

    /// <summary>The graph of one single-chunk document; its chunk id is <c>{documentId}:0</c>.</summary>
    public static DocumentGraph Document(string documentId, string text, EntityResolver resolver)
    {
        var chunkId = ChunkPartitioner.ChunkId(documentId, 0);
        return DocumentGraph.Build(documentId, [new ChunkExtraction(chunkId, text, Extractor.Extract(text))], resolver);
    }

    /// <summary>A partitioned graph of single-chunk documents.</summary>
    public static GraphShardSet Build(int partitions, params (string DocumentId, string Text)[] documents)
    {
        var resolver = new EntityResolver();
        var graph = new GraphShardSet(partitions);
        foreach (var (documentId, text) in documents)
        {
            graph.AddDocument(Document(documentId, text, resolver));
        }

        return graph;
    }
}
