using Chatbot.Knowledge.Indexing.Fusion;

namespace Chatbot.Knowledge.Search;

/// <summary>The one definition of how hybrid search combines its BM25 and dense rankings, used by the search grain and
/// by anything that must reproduce its results (the single-index equivalence tests).</summary>
public static class HybridFusion
{
    /// <summary>Weighted score fusion of the BM25 and dense routes.</summary>
    public static IReadOnlyList<FusedHit> Fuse(RankedRoute bm25, RankedRoute dense, int topK) =>
        WeightedScoreFusion.Fuse([bm25, dense], topK);
}
