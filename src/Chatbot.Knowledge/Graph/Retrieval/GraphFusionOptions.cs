using System.Globalization;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// How a graph search fuses its routes and reranks (<c>Chatbot:Knowledge:Graph:Fusion</c>): weighted reciprocal rank
/// fusion of the routes (<see cref="Indexing.Fusion.ReciprocalRankFusion"/>), then <see cref="LexicalPathReranker"/> over the best
/// <see cref="RerankDepth"/>. Immutable.
/// </summary>
public sealed record GraphFusionOptions
{
    /// <summary>Reciprocal-rank weight of the BM25 route. Default 1.</summary>
    public double Bm25Weight { get; init; } = 1.0;

    /// <summary>Reciprocal-rank weight of the dense vector route. Default 0.3: the offline hashing embedder repeats BM25's
    /// lexical signal less precisely; raise it with a semantic embedder.</summary>
    public double VectorWeight { get; init; } = 0.3;

    /// <summary>Reciprocal-rank weight of the graph-traversal route. Default 1.</summary>
    public double GraphWeight { get; init; } = 1.0;

    /// <summary>Reciprocal-rank weight of community summaries (when asked for). Default 1.</summary>
    public double CommunityWeight { get; init; } = 1.0;

    /// <summary>The reciprocal-rank constant k in weight / (k + rank). Default 60 (Cormack et al.).</summary>
    public int RrfK { get; init; } = 60;

    /// <summary>Fused candidates the reranker reorders (the rest keep their fused order below them). Default 30.</summary>
    public int RerankDepth { get; init; } = 30;

    /// <summary>Reranker weight of the IDF-weighted share of the query's terms a candidate contains. Default 0.2.</summary>
    public double LexicalWeight { get; init; } = 0.2;

    /// <summary>Reranker weight of the confidence of the best graph path a candidate states (relative to the best path). Default 0.3.</summary>
    public double PathWeight { get; init; } = 0.3;

    /// <summary>Graph route score of a chunk that only mentions a path's answer entity, relative to the path's own
    /// chunks. Default 0.5: it is where the answer entity is described, often the paragraph a bridge question needs.</summary>
    public double AnswerChunkWeight { get; init; } = 0.5;

    /// <summary>Chunks mentioning a path's answer entity that the graph route adds at most, per path. Default 2.</summary>
    public int AnswerChunksPerPath { get; init; } = 2;

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
                     ("CommunityWeight", CommunityWeight), ("LexicalWeight", LexicalWeight), ("PathWeight", PathWeight),
                     ("AnswerChunkWeight", AnswerChunkWeight),
                 })
        {
            Check(weight is >= 0 and <= 10 && !double.IsNaN(weight), name, "between 0 and 10", weight);
        }

        Check(RrfK >= 0, "RrfK", "at least 0", RrfK);
        Check(RerankDepth >= 0, "RerankDepth", "at least 0", RerankDepth);
        Check(AnswerChunksPerPath >= 0, "AnswerChunksPerPath", "at least 0", AnswerChunksPerPath);
        return errors;
    }
}
