using Chatbot.Grains.Tests.Knowledge;
using Chatbot.Knowledge;
using Chatbot.Testing.Inference;
using Xunit;

namespace Chatbot.Grains.Tests.Inference;

/// <summary>Knowledge ingestion and search with <c>Chatbot:Inference:UseInferenceGrains</c>: the GPU silo's model does the embedding.</summary>
public sealed class InferenceGrainKnowledgeTests
{
    private const string GpuSilo = "Silo_1";

    [Fact]
    public async Task UploadAndSearch_UseInferenceGrains_OnlyTheGpuSilosModelEmbeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await InferenceCluster.StartAsync(GpuSilo, new Dictionary<string, string?>
        {
            ["Chatbot:Inference:UseInferenceGrains"] = "true",
            ["Chatbot:Knowledge:Partitions"] = "3",
        }, ct);
        var key = DatasetKey.Format("acme", "handbook");
        var knowledgeBase = cluster.Client.GetGrain<IKnowledgeBaseGrain>(key);

        await KnowledgeSteps.UploadAsync(knowledgeBase, "guide.md", "guide.md", KnowledgeSteps.Paragraphs("warranty", 12));
        var status = await KnowledgeSteps.WaitUntilSettledAsync(knowledgeBase);
        var hits = await cluster.Client.GetGrain<IKnowledgeSearchGrain>(key)
            .SearchAsync(new SearchQuery { Text = "warranty guide step 3", Mode = SearchModes.Dense, TopK = 3 }, ct);

        Assert.Equal(1, status.Done);
        Assert.NotEmpty(hits);
        var gpuTexts = cluster.ModelOf(GpuSilo).Batches.SelectMany(b => b).ToList();
        Assert.Contains("warranty guide step 3", gpuTexts);
        Assert.True(gpuTexts.Count > status.ChunkCount, "the GPU silo embedded every chunk and the query");
        Assert.All(InferenceCluster.SiloNames.Where(n => n != GpuSilo), n => Assert.Empty(cluster.ModelOf(n).Batches));
    }
}
