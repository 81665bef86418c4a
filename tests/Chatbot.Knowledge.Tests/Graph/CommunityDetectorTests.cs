using Chatbot.Knowledge.Graph.Communities;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class CommunityDetectorTests
{
    [Fact]
    public void Modularity_TwoTrianglesJoinedByABridge_FiveFourteenths()
    {
        var graph = WeightedGraph.FromEdges(6, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1), (2, 3, 1)]);

        Assert.Equal(5.0 / 14, Modularity.Compute(graph, [0, 0, 0, 1, 1, 1]), 12);
        Assert.Equal(0, Modularity.Compute(graph, [0, 0, 0, 0, 0, 0]), 12);
    }

    // The best modularity each method is known for on Zachary's karate club: Louvain's published 0.4188 (Blondel et al.
    // 2008), and for Leiden the optimum 0.4198 (Brandes et al. 2008), which it reaches (Traag et al. 2019). One seed can
    // be unlucky (Louvain's seed 7 stops at 0.394), so the claim is about the seeds' mean, and the default seed's run.
    [Theory]
    [InlineData(CommunityAlgorithm.Louvain, 0.4188)]
    [InlineData(CommunityAlgorithm.Leiden, 0.4198)]
    public void Detect_KarateClub_ModularityWithinOneHundredthOfTheMethodsBest(CommunityAlgorithm algorithm, double best)
    {
        var graph = CommunityGraphs.KarateClub();

        var runs = Enumerable.Range(1, 30).Select(seed => new CommunityDetector(new CommunityOptions { Algorithm = algorithm, Seed = seed }).Detect(graph)).ToList();
        var hierarchy = new CommunityDetector(new CommunityOptions { Algorithm = algorithm }).Detect(graph);

        var mean = runs.Average(h => h.Best.Modularity);
        TestContext.Current.TestOutputHelper?.WriteLine($"karate {algorithm}: default seed Q = {hierarchy.Best.Modularity:F4}, mean of 30 seeds {mean:F4}, best {runs.Max(h => h.Best.Modularity):F4}");
        Assert.InRange(mean, best - 0.01, 0.4198 + 1e-4);
        Assert.InRange(hierarchy.Best.Modularity, best - 0.01, 0.4198 + 1e-4);
        Assert.All(runs, h => Assert.True(h.Best.Modularity <= 0.4198 + 1e-4, "no partition beats the optimum"));
        Assert.Equal(Modularity.Compute(graph, hierarchy.Best.Membership), hierarchy.Best.Modularity, 12);
    }

    [Theory]
    [InlineData(CommunityAlgorithm.Louvain, 1)]
    [InlineData(CommunityAlgorithm.Louvain, 2)]
    [InlineData(CommunityAlgorithm.Leiden, 1)]
    [InlineData(CommunityAlgorithm.Leiden, 2)]
    public void Detect_PlantedPartition_RecoversTheGroups(CommunityAlgorithm algorithm, int seed)
    {
        var (graph, truth) = CommunityGraphs.PlantedPartition(groups: 4, size: 25, pIn: 0.3, pOut: 0.01, seed);

        var hierarchy = new CommunityDetector(new CommunityOptions { Algorithm = algorithm }).Detect(graph);

        var nmi = CommunityGraphs.NormalizedMutualInformation(truth, hierarchy.Best.Membership);
        TestContext.Current.TestOutputHelper?.WriteLine($"planted {algorithm} seed {seed}: NMI = {nmi:F4}, Q = {hierarchy.Best.Modularity:F4}, communities {hierarchy.Best.Count}");
        Assert.True(nmi >= 0.95, $"NMI {nmi:F4}");
    }

    [Theory]
    [InlineData(CommunityAlgorithm.Louvain)]
    [InlineData(CommunityAlgorithm.Leiden)]
    public void Detect_Hierarchy_EachLevelNestsInTheNext(CommunityAlgorithm algorithm)
    {
        var (graph, _) = CommunityGraphs.PlantedPartition(groups: 10, size: 40, pIn: 0.08, pOut: 0.01, seed: 5);

        var hierarchy = new CommunityDetector(new CommunityOptions { Algorithm = algorithm }).Detect(graph);

        Assert.True(hierarchy.Levels.Count >= 2);
        for (var level = 0; level + 1 < hierarchy.Levels.Count; level++)
        {
            var (fine, coarse) = (hierarchy.Levels[level], hierarchy.Levels[level + 1]);
            Assert.All(Enumerable.Range(0, graph.NodeCount), node => Assert.Equal(coarse.Membership[node], hierarchy.Parent(level, fine.Membership[node])));
            Assert.True(coarse.Count < fine.Count);
            Assert.True(coarse.Modularity > fine.Modularity);
        }

        Assert.Null(hierarchy.Parent(hierarchy.Levels.Count - 1, 0));
    }

    [Fact]
    public void Detect_SameSeed_SameCommunities()
    {
        var (graph, _) = CommunityGraphs.PlantedPartition(groups: 5, size: 20, pIn: 0.2, pOut: 0.03, seed: 11);

        var first = new CommunityDetector(new CommunityOptions { Seed = 3 }).Detect(graph);
        var second = new CommunityDetector(new CommunityOptions { Seed = 3 }).Detect(graph);

        Assert.Equal(first.Best.Membership, second.Best.Membership);
    }

    [Fact]
    public void Detect_NoEdges_SingletonsAtModularityZero()
    {
        var hierarchy = new CommunityDetector().Detect(WeightedGraph.FromEdges(3, []));

        var level = Assert.Single(hierarchy.Levels);
        Assert.Equal([0, 1, 2], level.Membership);
        Assert.Equal(0, level.Modularity);
    }

    [Fact]
    public void Detect_Leiden_EveryCommunityConnected()
    {
        var (graph, _) = CommunityGraphs.PlantedPartition(groups: 10, size: 100, pIn: 0.05, pOut: 0.004, seed: 9);

        var hierarchy = new CommunityDetector(new CommunityOptions { Algorithm = CommunityAlgorithm.Leiden }).Detect(graph);

        foreach (var community in hierarchy.Best.Membership.Select((c, node) => (c, node)).GroupBy(p => p.c))
        {
            var members = community.Select(p => p.node).ToHashSet();
            var reached = new HashSet<int> { members.First() };
            var queue = new Queue<int>(reached);
            while (queue.TryDequeue(out var node))
            {
                foreach (var next in graph.Neighbors(node).ToArray().Where(n => members.Contains(n) && reached.Add(n)))
                {
                    queue.Enqueue(next);
                }
            }

            Assert.Equal(members.Count, reached.Count);
        }
    }
}
