using System.Globalization;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// How a graph search ranks the graph route's chunks (<see cref="GraphChunkRanking"/>), fuses the routes (weighted
/// reciprocal rank fusion, <see cref="Indexing.Fusion.ReciprocalRankFusion"/>) and reranks (<see cref="GraphSlotReranker"/>)
/// (<c>Chatbot:Knowledge:Graph:Fusion</c>). Immutable.
/// </summary>
public sealed record GraphFusionOptions
{
    /// <summary>Reciprocal-rank weight of the BM25 route. Default 1.</summary>
    public double Bm25Weight { get; init; } = 1.0;

    /// <summary>Reciprocal-rank weight of the dense vector route. Default 0.1: the offline hashing embedder repeats BM25's
    /// lexical signal less precisely (README, retrieval evaluation); raise it with a semantic embedder.</summary>
    public double VectorWeight { get; init; } = 0.1;

    /// <summary>Reciprocal-rank weight of the graph-traversal route. Default 1.</summary>
    public double GraphWeight { get; init; } = 1.0;

    /// <summary>Reciprocal-rank weight of community summaries (when asked for). Default 1.</summary>
    public double CommunityWeight { get; init; } = 1.0;

    /// <summary>The reciprocal-rank constant k in weight / (k + rank). Default 60 (Cormack et al.).</summary>
    public int RrfK { get; init; } = 60;

    /// <summary>
    /// Share of the results (at least one place) the reranker gives to the graph side in a hybrid search: the best
    /// graph chunks a text route also retrieved, and community summaries. Default 0.2: one place in five.
    /// </summary>
    public double GraphShare { get; init; } = 0.2;

    /// <summary>Graph score of a question entity's home chunk, relative to the best path. Default 2: above every path chunk.</summary>
    public double SeedChunkWeight { get; init; } = 2.0;

    /// <summary>Factor per rank of the question entity whose home chunk it is (the most specific entity first). Default 0.7.</summary>
    public double SeedDecay { get; init; } = 0.7;

    /// <summary>Graph score of a path's answer entity's home chunk, relative to the path. Default 0.5.</summary>
    public double AnswerChunkWeight { get; init; } = 0.5;

    /// <summary>Home chunks the graph route takes per entity (question entity or answer). Default 1.</summary>
    public int ChunksPerEntity { get; init; } = 1;

    /// <summary>The problems with these settings, each naming its setting under <paramref name="section"/>.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        void Check(bool valid, string setting, string rule, IFormattable value)
        {
            if (!valid)
            {
                errors.Add($"{section}:{setting} must be {rule} (was {value.ToString(null, CultureInfo.InvariantCulture)}).");
            }
        }

        foreach (var (name, weight) in new[]
                 {
                     ("Bm25Weight", Bm25Weight), ("VectorWeight", VectorWeight), ("GraphWeight", GraphWeight),
                     ("CommunityWeight", CommunityWeight), ("SeedChunkWeight", SeedChunkWeight), ("AnswerChunkWeight", AnswerChunkWeight),
                 })
        {
            Check(weight is >= 0 and <= 10 && !double.IsNaN(weight), name, "between 0 and 10", weight);
        }

        Check(GraphShare is >= 0 and <= 1 && !double.IsNaN(GraphShare), "GraphShare", "between 0 and 1", GraphShare);
        Check(SeedDecay is > 0 and <= 1, "SeedDecay", "in (0, 1]", SeedDecay);
        Check(RrfK >= 0, "RrfK", "at least 0", RrfK);
        Check(ChunksPerEntity >= 0, "ChunksPerEntity", "at least 0", ChunksPerEntity);
        return errors;
    }
}
