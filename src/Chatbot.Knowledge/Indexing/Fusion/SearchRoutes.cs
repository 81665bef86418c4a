namespace Chatbot.Knowledge.Indexing.Fusion;

/// <summary>Names of the retrieval routes, as used in requests and in per-route scores.</summary>
public static class SearchRoutes
{
    /// <summary>Lexical BM25 route.</summary>
    public const string Bm25 = "bm25";

    /// <summary>Dense vector route.</summary>
    public const string Dense = "dense";

    /// <summary>Both routes fused with reciprocal rank fusion.</summary>
    public const string Hybrid = "hybrid";
}
