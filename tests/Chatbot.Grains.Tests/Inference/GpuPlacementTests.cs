using Chatbot.Inference;
using Chatbot.Testing.Inference;
using Xunit;

namespace Chatbot.Grains.Tests.Inference;

/// <summary>Three silos, one of them marked GPU: where inference grains land, and what happens without a GPU silo.</summary>
public sealed class GpuPlacementTests
{
    private const string GpuSilo = "Silo_1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbedAsync_CalledFromTheClientAndFromGrainsOnEverySilo_EveryActivationOnTheGpuSilo()
    {
        await using var cluster = await InferenceCluster.StartAsync(GpuSilo, cancellationToken: Ct);
        var gpu = cluster.AddressOf(GpuSilo);
        var shard = 0;

        // From inside a grain on each silo: every call to a new key is placed by that silo.
        foreach (var silo in cluster.Silos)
        {
            for (var i = 0; i < 3; i++)
            {
                var call = await InferenceCluster.GrainsOf(silo).GetGrain<IInferenceCallerGrain>(0)
                    .EmbedThroughAsync(InferenceKey.Embeddings("hashing", shard++), ["from " + silo.Name]);

                Assert.Equal(silo.SiloAddress.ToString(), call.CallerSilo);
                Assert.Equal(gpu, call.Inference.Silo);
                Assert.Equal("gpu", call.Inference.Accelerator);
            }
        }

        // From the client (placed by whichever silo its gateway connection reaches).
        for (var i = 0; i < 6; i++)
        {
            var grain = cluster.Client.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings("hashing", shard++));
            await grain.EmbedAsync(["from the client"], Ct);
            Assert.Equal(gpu, (await grain.GetLocationAsync()).Silo);
        }

        Assert.All(InferenceCluster.SiloNames.Where(n => n != GpuSilo), n => Assert.Empty(cluster.ModelOf(n).Batches));
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentCallers_FewerModelRunsThanCallersAndEachCallerGetsItsOwnVectors()
    {
        const int callers = 8;
        await using var cluster = await InferenceCluster.StartAsync(GpuSilo, new Dictionary<string, string?>
        {
            ["Chatbot:Inference:MaxBatch"] = $"{callers}",
            ["Chatbot:Inference:BatchWindowMilliseconds"] = "1000",
        }, Ct);
        var grain = cluster.Client.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings("hashing", 0));
        var texts = Enumerable.Range(0, callers).Select(i => new[] { $"question {i}", $"another question {i}" }).ToList();

        var results = await Task.WhenAll(texts.Select(t => grain.EmbedAsync(t, Ct)));

        var runs = cluster.ModelOf(GpuSilo).Batches;
        Assert.InRange(runs.Count, 1, callers - 1);
        Assert.Equal(callers * 2, runs.Sum(b => b.Count));
        for (var i = 0; i < callers; i++)
        {
            Assert.Equal(texts[i].Select(RecordingEmbeddingGenerator.VectorFor), results[i].Vectors);
        }
    }

    [Fact]
    public async Task EmbedAsync_NoGpuSiloAndFallbackFail_FailsNamingTheSettings()
    {
        await using var cluster = await InferenceCluster.StartAsync(gpuSilo: null, new Dictionary<string, string?>
        {
            ["Chatbot:Inference:GpuFallback"] = "fail",
        }, Ct);

        var fromClient = await Assert.ThrowsAsync<GpuUnavailableException>(() =>
            cluster.Client.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings("hashing", 0)).EmbedAsync(["hello"], Ct));
        var fromGrain = await Assert.ThrowsAsync<GpuUnavailableException>(() => InferenceCluster.GrainsOf(cluster.Silos[0])
            .GetGrain<IInferenceCallerGrain>(0).EmbedThroughAsync(InferenceKey.Embeddings("hashing", 1), ["hello"]));

        foreach (var error in new Exception[] { fromClient, fromGrain })
        {
            Assert.Contains("accelerator=gpu", error.Message, StringComparison.Ordinal);
            Assert.Contains("Chatbot:Inference:GpuFallback", error.Message, StringComparison.Ordinal);
        }

        Assert.All(InferenceCluster.SiloNames, n => Assert.Empty(cluster.ModelOf(n).Batches));
    }

    [Fact]
    public async Task EmbedAsync_NoGpuSiloAndFallbackCpu_RunsOnACpuSilo()
    {
        await using var cluster = await InferenceCluster.StartAsync(gpuSilo: null, cancellationToken: Ct);
        var grain = cluster.Client.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings("hashing", 0));

        var vectors = await grain.EmbedAsync(["hello"], Ct);

        Assert.Equal([RecordingEmbeddingGenerator.VectorFor("hello")], vectors.Vectors);
        Assert.Equal("cpu", (await grain.GetLocationAsync()).Accelerator);
    }

    [Fact]
    public async Task EmbedAsync_GpuSiloJoinsAfterAFallback_TheActivationMovesToIt()
    {
        await using var cluster = await InferenceCluster.StartAsync(gpuSilo: "Silo_3", cancellationToken: Ct);
        var grain = cluster.Client.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings("hashing", 0));
        await grain.EmbedAsync(["before"], Ct);
        Assert.Equal("cpu", (await grain.GetLocationAsync()).Accelerator);

        var gpu = await cluster.StartAdditionalSiloAsync(Ct);
        await grain.EmbedAsync(["noticed"], Ct);
        var vectors = await grain.EmbedAsync(["after"], Ct);

        Assert.Equal(gpu.SiloAddress.ToString(), (await grain.GetLocationAsync()).Silo);
        Assert.Equal([RecordingEmbeddingGenerator.VectorFor("after")], vectors.Vectors);
        Assert.Equal(["after"], Assert.Single(cluster.ModelOf("Silo_3").Batches));
    }
}
