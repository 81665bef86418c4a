using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>A path under construction: entity ids and edges so far, the seed's match score and the edge confidence product.</summary>
internal sealed class PartialPath
{
    private PartialPath(string[] entityIds, GraphEdge[] edges, double seedScore, double confidence)
    {
        EntityIds = entityIds;
        Edges = edges;
        SeedScore = seedScore;
        Confidence = confidence;
        Signature = string.Join('|', entityIds) + "#" + string.Join(',', edges.Select(e => (int)e.Relation));
    }

    public string[] EntityIds { get; }

    public GraphEdge[] Edges { get; }

    public double SeedScore { get; }

    public double Confidence { get; }

    public string Tail => EntityIds[^1];

    /// <summary>A stable text for tie-breaking, so equal scores rank the same way in every run.</summary>
    public string Signature { get; }

    public static PartialPath Seed(string entityId, double score) => new([entityId], [], score, 1);

    public bool Visits(string entityId) => Array.IndexOf(EntityIds, entityId) >= 0;

    public PartialPath Extend(GraphEdge edge, string to) =>
        new([.. EntityIds, to], [.. Edges, edge], SeedScore, Confidence * edge.Confidence);
}
