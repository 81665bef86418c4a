using System.Text;
using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>
/// A chain of entities from a query entity to a candidate answer, e.g.
/// <c>Project Falcon ← leads — Alice Smith — member_of → Orion Group — funded_by → Helios Foundation</c>.
/// </summary>
/// <param name="Entities">The entities in walking order; the first is a query entity, the last the answer.</param>
/// <param name="Steps">The edges between them, one fewer than the entities.</param>
/// <param name="Score">Seed match × product of edge confidences × hop decay × penalty for question relations not used.</param>
public sealed record GraphPath(IReadOnlyList<GraphNode> Entities, IReadOnlyList<PathStep> Steps, double Score)
{
    /// <summary>The query entity the path starts from.</summary>
    public GraphNode Start => Entities[0];

    /// <summary>The entity the path leads to: the candidate answer.</summary>
    public GraphNode Answer => Entities[^1];

    /// <summary>Every chunk supporting any step, in path order.</summary>
    public IReadOnlyList<ChunkRef> SupportingChunks => Steps.SelectMany(s => s.SupportingChunks).Distinct().ToList();

    /// <summary>Arrow form, relations in their stored direction: <c>A ← leads — B — member_of → C</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Entities[0].Name);
        for (var i = 0; i < Steps.Count; i++)
        {
            var name = GraphSchema.Relation(Steps[i].Edge.Relation).Name;
            text.Append(Steps[i].Forward ? $" — {name} → " : $" ← {name} — ").Append(Entities[i + 1].Name);
        }

        return text.ToString();
    }

    /// <summary>
    /// Sentence form in walking order, inverse relations phrased as such:
    /// <c>Project Falcon is led by Alice Smith; Alice Smith is a member of Orion Group; …</c>.
    /// </summary>
    public string Describe() => string.Join("; ", Steps.Select((step, i) =>
    {
        var relation = GraphSchema.Relation(step.Edge.Relation);
        return $"{Entities[i].Name} {(step.Forward ? relation.Phrase : relation.InversePhrase)} {Entities[i + 1].Name}";
    }));
}
