namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>Scores paths against one question's relation cues (see <see cref="GraphTraversal"/>).</summary>
internal sealed class PathScoring(IReadOnlySet<RelationType> cues, GraphTraversalOptions options)
{
    /// <summary>
    /// The path's score if it ended here, except that up to <paramref name="remainingHops"/> missing cue relations are
    /// not yet charged: later hops may still supply them.
    /// </summary>
    public double Score(PartialPath path, int remainingHops)
    {
        var missed = cues.Count(cue => !path.Edges.Any(e => e.Relation == cue));
        var charged = Math.Max(0, missed - remainingHops);
        return path.SeedScore * path.Confidence * Math.Pow(options.HopDecay, path.Edges.Length)
            * Math.Pow(options.MissedCuePenalty, charged);
    }
}
