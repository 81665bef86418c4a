using Chatbot.AI.Grounding;
using Chatbot.Conversations;
using Chatbot.Knowledge;

namespace Chatbot.Grains.Conversations;

/// <summary>
/// What a turn retrieved: the passages (numbered 1… in this order for citation) and, for a graph turn, the best graph
/// paths with the passages stating their steps. Maps itself to the model's grounding and to the answer's references.
/// </summary>
internal sealed record RetrievedKnowledge(IReadOnlyList<SearchHit> Hits, IReadOnlyList<GraphPathRecord> Paths)
{
    private const int SnippetChars = 240;

    /// <summary>Nothing retrieved.</summary>
    public static RetrievedKnowledge None { get; } = new([], []);

    /// <summary>The passages as numbered sources.</summary>
    public IReadOnlyList<GroundingSource> Sources() =>
        Hits.Select((h, i) => new GroundingSource(i + 1, h.Title, h.Section, h.Text, h.Score)).ToList();

    /// <summary>
    /// The paths that use every relation the question asks about and whose every step a numbered passage states, each
    /// step with that passage's sentence. A path missing a relation ("who funds …" over a graph that no longer knows
    /// the funder) would lead to a wrong entity, so it is not offered.
    /// </summary>
    public IReadOnlyList<GroundingPath> GroundingPaths()
    {
        var paths = new List<GroundingPath>();
        foreach (var path in Paths.Where(p => p.CoversQuestion))
        {
            var steps = path.Steps.Select(step => step.Evidence
                    .Where(e => e.Text.Length > 0)
                    .Select(e => (Evidence: e, Index: IndexOf(e.ChunkId)))
                    .FirstOrDefault(e => e.Index > 0) is ({ } evidence, var index)
                        ? new GroundingPathStep(step.Phrase, evidence.Text, index)
                        : null)
                .ToList();
            if (steps.Count > 0 && steps.All(s => s is not null))
            {
                paths.Add(new GroundingPath(path.Entities[^1].Name, path.Text, steps!));
            }
        }

        return paths;
    }

    /// <summary>
    /// The references of an answer: the sources it cites (all of them when it cites none, none when it could not
    /// answer); those stating a step of the path the answer follows carry that path.
    /// </summary>
    public IReadOnlyList<ChatReference> References(string answer, bool unanswered)
    {
        if (unanswered)
        {
            return [];
        }

        var cited = GroundingContext.CitedIndexes(answer);
        var path = AnsweredPath(answer);
        var pathChunks = path?.Steps.SelectMany(s => s.Evidence).Select(e => e.ChunkId).ToHashSet(StringComparer.Ordinal) ?? [];
        return Hits
            .Select((h, i) => new ChatReference
            {
                Index = i + 1,
                DatasetId = h.DatasetId,
                DocumentId = h.DocumentId,
                ChunkId = h.ChunkId,
                Title = h.Title,
                Snippet = h.Text.Length <= SnippetChars ? h.Text : string.Concat(h.Text.AsSpan(0, SnippetChars), "…"),
                Score = h.Score,
                Path = pathChunks.Contains(h.ChunkId) ? path!.Text : null,
                PathEntities = pathChunks.Contains(h.ChunkId) ? path!.Entities.Select(e => e.Name).ToList() : null,
            })
            .Where(r => cited.Count == 0 || cited.Contains(r.Index))
            .ToList();
    }

    // The path the answer names (its answer entity appears in the answer), else the best groundable one.
    private GraphPathRecord? AnsweredPath(string answer)
    {
        var groundable = GroundingPaths().Select(g => g.Text).ToHashSet(StringComparer.Ordinal);
        var candidates = Paths.Where(p => groundable.Contains(p.Text)).ToList();
        return candidates.FirstOrDefault(p => answer.Contains(p.Entities[^1].Name, StringComparison.OrdinalIgnoreCase)) ?? candidates.FirstOrDefault();
    }

    private int IndexOf(string chunkId)
    {
        for (var i = 0; i < Hits.Count; i++)
        {
            if (Hits[i].ChunkId == chunkId)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
