namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// An undirected weighted graph over nodes 0..n−1 in compressed adjacency form, the input of community detection.
/// Parallel edges are summed; a self-loop counts twice in its node's degree (the usual convention, so aggregating
/// communities into nodes preserves degrees). Immutable and thread-safe.
/// </summary>
public sealed class WeightedGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly double[] _weights;
    private readonly double[] _selfLoops;
    private readonly double[] _degrees;

    private WeightedGraph(int[] offsets, int[] neighbors, double[] weights, double[] selfLoops)
    {
        (_offsets, _neighbors, _weights, _selfLoops) = (offsets, neighbors, weights, selfLoops);
        _degrees = new double[selfLoops.Length];
        for (var i = 0; i < _degrees.Length; i++)
        {
            _degrees[i] = 2 * selfLoops[i];
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                _degrees[i] += weights[e];
            }
        }

        TotalDegree = _degrees.Sum();
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _selfLoops.Length;

    /// <summary>Sum of all degrees: twice the total edge weight (2m).</summary>
    public double TotalDegree { get; }

    /// <summary>Weighted degree of <paramref name="node"/>.</summary>
    public double Degree(int node) => _degrees[node];

    /// <summary>Weight of <paramref name="node"/>'s self-loop (0 when none).</summary>
    public double SelfLoop(int node) => _selfLoops[node];

    /// <summary>The other endpoints of <paramref name="node"/>'s edges (self-loop excluded), in ascending order.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => _neighbors.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The weights matching <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<double> Weights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Builds a graph from undirected weighted edges; weights must be positive and finite.</summary>
    public static WeightedGraph FromEdges(int nodeCount, IEnumerable<(int Source, int Target, double Weight)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var adjacency = new SortedDictionary<int, double>[nodeCount];
        var selfLoops = new double[nodeCount];
        foreach (var (u, v, w) in edges)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(u, nameof(edges));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(u, nodeCount, nameof(edges));
            ArgumentOutOfRangeException.ThrowIfNegative(v, nameof(edges));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(v, nodeCount, nameof(edges));
            if (!double.IsFinite(w) || w <= 0)
            {
                throw new ArgumentException($"Edge {u}–{v} has weight {w}; weights must be positive and finite.", nameof(edges));
            }

            if (u == v)
            {
                selfLoops[u] += w;
                continue;
            }

            Add(adjacency, u, v, w);
            Add(adjacency, v, u, w);
        }

        var offsets = new int[nodeCount + 1];
        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] = offsets[i] + (adjacency[i]?.Count ?? 0);
        }

        var (neighbors, weights) = (new int[offsets[nodeCount]], new double[offsets[nodeCount]]);
        for (var i = 0; i < nodeCount; i++)
        {
            var e = offsets[i];
            foreach (var (j, w) in adjacency[i] ?? [])
            {
                (neighbors[e], weights[e]) = (j, w);
                e++;
            }
        }

        return new WeightedGraph(offsets, neighbors, weights, selfLoops);
    }

    /// <summary>The graph whose nodes are the communities of <paramref name="membership"/> (0..<paramref name="count"/>−1).</summary>
    internal WeightedGraph Aggregate(int[] membership, int count)
    {
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < NodeCount; i++)
        {
            if (_selfLoops[i] > 0)
            {
                edges.Add((membership[i], membership[i], _selfLoops[i]));
            }

            var neighbors = Neighbors(i);
            var weights = Weights(i);
            for (var e = 0; e < neighbors.Length; e++)
            {
                if (neighbors[e] > i)
                {
                    edges.Add((membership[i], membership[neighbors[e]], weights[e]));
                }
            }
        }

        return FromEdges(count, edges);
    }

    private static void Add(SortedDictionary<int, double>?[] adjacency, int from, int to, double weight)
    {
        var map = adjacency[from] ??= [];
        map[to] = map.GetValueOrDefault(to) + weight;
    }
}
