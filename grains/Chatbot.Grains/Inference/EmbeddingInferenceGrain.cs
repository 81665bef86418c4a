using Chatbot.AI.Inference;
using Chatbot.AI.Telemetry;
using Chatbot.Grains.Placement;
using Chatbot.Inference;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Chatbot.Grains.Inference;

/// <summary>
/// Embeds texts with this silo's own model, on a GPU silo when the cluster has one (<see cref="GpuPlacementFilterAttribute"/>),
/// batching concurrent callers with an <see cref="EmbeddingBatcher"/> so the accelerator sees full batches.
/// </summary>
/// <remarks>
/// Reentrant, and deliberately not a stateless worker: stateless workers always run on the caller's silo, which would
/// defeat GPU placement, and one activation per key is what lets callers from every silo share a batch. Ordering: each
/// caller gets its vectors in the order of its texts; callers are batched in the order their calls reach the grain.
/// An activation that had to start on a CPU silo (fallback, or a GPU silo whose metadata had not arrived yet) moves as
/// soon as a GPU silo is active: after its next call it migrates when idle, placed again by the GPU filter, and callers
/// holding its old address are forwarded.
/// </remarks>
[Reentrant]
[RandomPlacement]
[GpuPlacementFilter]
public sealed partial class EmbeddingInferenceGrain(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IOptions<InferenceOptions> options,
    TimeProvider timeProvider,
    GpuSilos gpuSilos,
    ILocalSiloDetails localSilo,
    ChatbotMetrics metrics,
    ILogger<EmbeddingInferenceGrain> logger) : Grain, IEmbeddingInferenceGrain
{
    private EmbeddingBatcher? _batcher;
    private bool _leaving;

    private EmbeddingBatcher Batcher => _batcher ?? throw new InvalidOperationException("The grain is not active.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var (model, _) = InferenceKey.ParseEmbeddings(key);
        var settings = options.Value;
        _batcher = new EmbeddingBatcher(generator, settings.MaxBatch, settings.BatchWindow, timeProvider, size => metrics.EmbeddingBatch(model, size));
        LogActivated(logger, key, localSilo.SiloAddress.ToString(), gpuSilos.LocalAccelerator);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _batcher?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<EmbeddingVectors> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = await Batcher.EmbedAsync(texts, cancellationToken);
        MoveToGpuWhenOneIsActive();
        return new EmbeddingVectors { Vectors = vectors };
    }

    public Task<InferenceLocation> GetLocationAsync() => Task.FromResult(new InferenceLocation
    {
        Silo = localSilo.SiloAddress.ToString(),
        Accelerator = gpuSilos.LocalAccelerator,
    });

    private void MoveToGpuWhenOneIsActive()
    {
        if (!_leaving && gpuSilos.LocalAccelerator != AcceleratorMetadata.Gpu && gpuSilos.AnyActive())
        {
            _leaving = true;
            LogMovingToGpu(logger, this.GetPrimaryKeyString());
            this.MigrateOnIdle();
        }
    }

    [LoggerMessage(1411, LogLevel.Information, "Inference grain {Key} activated on {Silo} ({Accelerator})")]
    private static partial void LogActivated(ILogger logger, string key, string silo, string accelerator);

    [LoggerMessage(1412, LogLevel.Information, "Inference grain {Key} runs on a CPU silo while a GPU silo is active; it migrates")]
    private static partial void LogMovingToGpu(ILogger logger, string key);
}
