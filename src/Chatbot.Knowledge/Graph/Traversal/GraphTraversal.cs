using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>
/// Multi-hop graph search for a question:
/// <list type="number">
/// <item>find the entities it names (<see cref="IGraphNeighborSource.FindEntitiesAsync"/>) and the relations it asks
/// about (<see cref="QueryCues"/>);</item>
/// <item>walk out from them hop by hop, both ways along every edge (relations are directed; a backward step reads as
/// the inverse), one <see cref="IGraphNeighborSource.GetEdgesAsync"/> call per hop for the whole frontier;</item>
/// <item>keep the <see cref="GraphTraversalOptions.BeamWidth"/> best partial paths, ranked optimistically: a question
/// relation still missing costs nothing while hops remain to find it;</item>
/// <item>score every path found: seed match × Π edge confidence × decay^hops × penalty^(question relations unused).</item>
/// </list>
/// Thread-safe when the source is.
/// </summary>
public sealed class GraphTraversal
{
    /// <summary>The most hops a search may take.</summary>
    public const int MaxHopsLimit = 5;

    // Matches looked at per seed kept: room for the ones a longer match subsumes.
    private const int SeedCandidatesPerSeed = 4;

    private readonly IGraphNeighborSource _source;
    private readonly GraphTraversalOptions _options;

    /// <summary>Creates a traversal over <paramref name="source"/>.</summary>
    public GraphTraversal(IGraphNeighborSource source, GraphTraversalOptions? options = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? new GraphTraversalOptions();
    }

    /// <summary>Searches paths of 1 to <paramref name="maxHops"/> edges answering <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxHops"/> is not between 1 and <see cref="MaxHopsLimit"/>.</exception>
    public async Task<GraphSearchResult> SearchAsync(string query, int maxHops, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxHops, MaxHopsLimit);

        var seeds = Seeds(await _source.FindEntitiesAsync(query, _options.MaxSeeds * SeedCandidatesPerSeed, cancellationToken));
        var cues = QueryCues.Find(query, seeds.SelectMany(s => s.Node.Names));
        var scoring = new PathScoring(cues, _options);
        var frontier = seeds.Select(s => PartialPath.Seed(s.Node.Id, s.Score)).ToList();
        var reached = seeds.Select(s => s.Node.Id).ToHashSet(StringComparer.Ordinal);
        var found = new List<PartialPath>();
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var tails = frontier.Select(p => p.Tail).ToHashSet(StringComparer.Ordinal);
            var edges = await _source.GetEdgesAsync(tails, cancellationToken);
            var adjacent = Adjacency(edges, tails);
            var next = new List<PartialPath>();
            foreach (var path in frontier)
            {
                foreach (var edge in adjacent.GetValueOrDefault(path.Tail, []))
                {
                    var other = edge.Key.Other(path.Tail);
                    if (!path.Visits(other))
                    {
                        next.Add(path.Extend(edge, other));
                        reached.Add(other);
                    }
                }
            }

            found.AddRange(next);
            var remaining = maxHops - hop;
            frontier = next.OrderByDescending(p => scoring.Score(p, remaining)).ThenBy(p => p.Signature, StringComparer.Ordinal)
                .Take(_options.BeamWidth).ToList();
        }

        var best = found.OrderByDescending(p => scoring.Score(p, 0)).ThenBy(p => p.Signature, StringComparer.Ordinal)
            .Take(_options.MaxPaths).ToList();
        var nodes = (await _source.GetNodesAsync(best.SelectMany(p => p.EntityIds).ToHashSet(StringComparer.Ordinal), cancellationToken))
            .ToDictionary(n => n.Id, StringComparer.Ordinal);
        var paths = best.Where(p => p.EntityIds.All(nodes.ContainsKey)).Select(p => new GraphPath(
            p.EntityIds.Select(id => nodes[id]).ToList(),
            p.Edges.Select((e, i) => new PathStep(e, p.EntityIds[i], p.EntityIds[i + 1])).ToList(),
            scoring.Score(p, 0))).ToList();
        return new GraphSearchResult(seeds, paths, reached.Count);
    }

    /// <summary>
    /// The starting points among the matches (<see cref="EntityMatch.Rank"/> order): good enough matches, without those
    /// whose matched name lies inside a better one's (<c>Kiss</c> inside <c>Kiss and Tell</c>: the question names the
    /// film, not the word), at most <see cref="GraphTraversalOptions.MaxSeeds"/>. Dates and amounts ("born in 1990")
    /// constrain a question rather than name its subject, and are hubs every chunk of their year links to: they start
    /// a search only when the question names nothing else.
    /// </summary>
    private List<EntityMatch> Seeds(IReadOnlyList<EntityMatch> matches)
    {
        var good = matches.Where(m => m.Score >= _options.MinSeedScore).ToList();
        var subjects = good.Where(m => m.Node.Type is not (EntityType.Time or EntityType.Metric)).ToList();
        var seeds = new List<EntityMatch>();
        foreach (var match in subjects.Count > 0 ? subjects : good)
        {
            if (seeds.Count == _options.MaxSeeds)
            {
                break;
            }

            if (!seeds.Any(s => Inside(match.MatchedName, s.MatchedName)))
            {
                seeds.Add(match);
            }
        }

        return seeds;
    }

    // Whether `name` occurs in `longer` as whole words (case-insensitive), and is shorter.
    private static bool Inside(string name, string longer)
    {
        if (name.Length >= longer.Length)
        {
            return false;
        }

        for (var at = longer.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = longer.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(longer[at - 1])) && (end == longer.Length || !char.IsLetterOrDigit(longer[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each frontier entity's edges, the most confident first, at most <see cref="GraphTraversalOptions.MaxEdgesPerEntity"/>.</summary>
    private Dictionary<string, List<GraphEdge>> Adjacency(IReadOnlyList<GraphEdge> edges, HashSet<string> tails)
    {
        var adjacent = new Dictionary<string, List<GraphEdge>>(StringComparer.Ordinal);
        foreach (var edge in edges.OrderByDescending(e => e.Confidence).ThenBy(e => e.SourceId, StringComparer.Ordinal)
                     .ThenBy(e => e.Relation).ThenBy(e => e.TargetId, StringComparer.Ordinal))
        {
            foreach (var end in (string[])[edge.SourceId, edge.TargetId])
            {
                if (tails.Contains(end))
                {
                    var list = adjacent.TryGetValue(end, out var l) ? l : adjacent[end] = [];
                    if (list.Count < _options.MaxEdgesPerEntity)
                    {
                        list.Add(edge);
                    }
                }
            }
        }

        return adjacent;
    }
}
