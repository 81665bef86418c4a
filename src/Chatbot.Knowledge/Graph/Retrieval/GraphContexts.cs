using Chatbot.Knowledge.Graph.Extraction.Patterns;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>How results show a graph path: the API's <c>graph_context</c> and the path records chat grounds answers on. Pure.</summary>
public static class GraphContexts
{
    /// <summary>The path as a chain of names: <c>Project Falcon → Alice Smith → Orion Group → Helios Foundation</c>.</summary>
    public static string Arrow(GraphPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join(" → ", path.Entities.Select(e => e.Name));
    }

    /// <summary>The <c>graph_context</c> of a result supporting <paramref name="path"/>; without the arrow form when
    /// <paramref name="withPath"/> is false (path reasoning off).</summary>
    public static GraphContextRecord Of(GraphPath path, bool withPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new GraphContextRecord(
            path.Entities.Select(e => e.ToRef()).ToList(),
            path.Steps.Select((s, i) => Relation(path, i)).ToList(),
            withPath ? Arrow(path) : null);
    }

    /// <summary>
    /// The path with each step's statements as sentences quoted from the chunks (<paramref name="chunkText"/> gives a
    /// chunk's text by id, null when not at hand: that statement's text is left empty), and whether it uses every
    /// relation in <paramref name="questionRelations"/> (<see cref="QueryCues"/>).
    /// </summary>
    public static GraphPathRecord Record(GraphPath path, Func<string, string?> chunkText, IReadOnlySet<RelationType> questionRelations)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(chunkText);
        ArgumentNullException.ThrowIfNull(questionRelations);
        var steps = path.Steps.Select((step, i) =>
        {
            var relation = GraphSchema.Relation(step.Edge.Relation);
            var phrase = $"{path.Entities[i].Name} {(step.Forward ? relation.Phrase : relation.InversePhrase)} {path.Entities[i + 1].Name}";
            var evidence = step.Edge.Supports
                .Select(s => new GraphEvidenceRecord(s.DocumentId, s.ChunkId, chunkText(s.ChunkId) is { } text ? Sentence(text, s.EvidenceStart, s.EvidenceEnd) : ""))
                .ToList();
            return new GraphPathStepRecord(Relation(path, i), phrase, evidence);
        }).ToList();
        var covers = questionRelations.All(r => path.Steps.Any(s => s.Edge.Relation == r));
        return new GraphPathRecord(path.Entities.Select(e => e.ToRef()).ToList(), steps, path.Score, Arrow(path), path.Describe(), covers);
    }

    /// <summary>The sentences of <paramref name="text"/> overlapping the span [start, end), trimmed; the span itself when none does.</summary>
    public static string Sentence(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        (start, end) = (Math.Clamp(start, 0, text.Length), Math.Clamp(end, 0, text.Length));
        var overlapping = ExtractionSentences.Split(text).Where(s => s.Start < Math.Max(end, start + 1) && start < s.End).ToList();
        return overlapping.Count == 0
            ? text[start..Math.Max(start, end)].Trim()
            : text[overlapping[0].Start..overlapping[^1].End].Trim();
    }

    private static GraphRelationRef Relation(GraphPath path, int step)
    {
        var edge = path.Steps[step].Edge;
        var (from, to) = (path.Entities[step], path.Entities[step + 1]);
        var (source, target) = path.Steps[step].Forward ? (from, to) : (to, from);
        return new GraphRelationRef(source.Name, GraphSchema.Relation(edge.Relation).Name, target.Name, edge.Confidence,
            edge.Supports.Select(s => s.ChunkId).Distinct(StringComparer.Ordinal).ToList());
    }
}
