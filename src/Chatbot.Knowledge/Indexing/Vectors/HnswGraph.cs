namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>
/// Hierarchical navigable small-world graph over the slots of a <see cref="VectorStore"/>, by inner product on unit
/// vectors. Nodes are never unlinked: deleted chunks stay as waypoints and are excluded from results by the caller's
/// accept predicate (tombstones); the owner rebuilds the graph when tombstones dominate. Deterministic for a given
/// seed and insertion order. Single writer; searches are safe concurrently with each other, not with inserts.
/// </summary>
internal sealed partial class HnswGraph
{
    private const int MaxLevel = 16;

    private readonly VectorStore _vectors;
    private readonly HnswOptions _options;
    private readonly double _levelMultiplier;
    private readonly List<int[][]> _links = [];
    private Random _random;
    private int _entryPoint = -1;
    private int _topLevel = -1;

    public HnswGraph(VectorStore vectors, HnswOptions options)
    {
        _vectors = vectors;
        _options = options;
        _levelMultiplier = 1 / Math.Log(options.M);
        _random = new Random(options.Seed);
    }

    /// <summary>Number of nodes; node ids equal store slots 0..NodeCount-1.</summary>
    public int NodeCount => _links.Count;

    /// <summary>Adds the next slot of the store (slot == <see cref="NodeCount"/>) to the graph.</summary>
    public void Insert(int slot)
    {
        if (slot != _links.Count)
        {
            throw new InvalidOperationException($"HNSW nodes must be inserted in slot order; expected {_links.Count}, got {slot}.");
        }

        var level = RandomLevel();
        var links = new int[level + 1][];
        for (var l = 0; l <= level; l++)
        {
            links[l] = new int[Capacity(l) + 1];  // [0] holds the count
        }

        _links.Add(links);
        if (_entryPoint < 0)
        {
            (_entryPoint, _topLevel) = (slot, level);
            return;
        }

        var query = _vectors.Row(slot);
        var entry = GreedyDescend(query, _topLevel, level);
        List<(int Node, float Similarity)> entries = [entry];
        for (var l = Math.Min(level, _topLevel); l >= 0; l--)
        {
            var candidates = SearchLayer(query, entries, _options.EfConstruction, l, accept: null);
            var selected = SelectNeighbors(candidates, _options.M);
            var own = links[l];
            own[0] = selected.Count;
            for (var i = 0; i < selected.Count; i++)
            {
                own[i + 1] = selected[i].Node;
                Connect(selected[i].Node, slot, selected[i].Similarity, l);
            }

            entries = candidates;
        }

        if (level > _topLevel)
        {
            (_entryPoint, _topLevel) = (slot, level);
        }
    }

    private int Capacity(int level) => level == 0 ? 2 * _options.M : _options.M;

    private int RandomLevel()
    {
        var level = (int)(-Math.Log(1 - _random.NextDouble()) * _levelMultiplier);
        return Math.Min(level, MaxLevel);
    }

    /// <summary>Adds a back link from <paramref name="node"/> to <paramref name="added"/>, pruning when full.</summary>
    private void Connect(int node, int added, float similarity, int level)
    {
        var list = _links[node][level];
        var count = list[0];
        if (count < Capacity(level))
        {
            list[count + 1] = added;
            list[0] = count + 1;
            return;
        }

        var candidates = new List<(int Node, float Similarity)>(count + 1) { (added, similarity) };
        for (var i = 1; i <= count; i++)
        {
            candidates.Add((list[i], _vectors.Similarity(node, list[i])));
        }

        candidates.Sort((x, y) => y.Similarity.CompareTo(x.Similarity));
        var kept = SelectNeighbors(candidates, Capacity(level));
        list[0] = kept.Count;
        for (var i = 0; i < kept.Count; i++)
        {
            list[i + 1] = kept[i].Node;
        }
    }

    /// <summary>
    /// The paper's neighbour-selection heuristic: walk candidates best first and keep one only if it is closer to the
    /// base than to every neighbour kept so far, which keeps links pointing in diverse directions.
    /// </summary>
    private List<(int Node, float Similarity)> SelectNeighbors(List<(int Node, float Similarity)> sortedCandidates, int m)
    {
        var selected = new List<(int Node, float Similarity)>(m);
        var pruned = new List<(int Node, float Similarity)>();
        foreach (var candidate in sortedCandidates)
        {
            if (selected.Count >= m)
            {
                break;
            }

            var diverse = true;
            foreach (var kept in selected)
            {
                if (_vectors.Similarity(candidate.Node, kept.Node) > candidate.Similarity)
                {
                    diverse = false;
                    break;
                }
            }

            if (diverse)
            {
                selected.Add(candidate);
            }
            else
            {
                pruned.Add(candidate);
            }
        }

        // keepPrunedConnections: fill free link slots with the closest pruned candidates.
        for (var i = 0; i < pruned.Count && selected.Count < m; i++)
        {
            selected.Add(pruned[i]);
        }

        return selected;
    }
}
