using Chatbot.AI.Inference;
using Chatbot.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Chatbot.Grains.Placement;

/// <summary>
/// Applies <see cref="GpuPlacementFilterStrategy"/>: of the compatible silos, only those with a GPU. With none,
/// <see cref="InferenceOptions.GpuFallback"/> decides: <c>cpu</c> keeps every silo (logged), <c>fail</c> throws
/// <see cref="GpuUnavailableException"/>, which the caller receives. Runs on the silo that places the activation.
/// </summary>
public sealed partial class GpuPlacementFilterDirector(
    GpuSilos gpuSilos, IOptions<InferenceOptions> options, ILogger<GpuPlacementFilterDirector> logger) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos.ToList();
        var gpu = candidates.Where(gpuSilos.IsGpu).ToList();
        if (gpu.Count > 0)
        {
            return gpu;
        }

        var grain = target.GrainIdentity.ToString();
        if (options.Value.GpuFallback == GpuFallbackModes.Fail)
        {
            LogRefused(logger, grain);
            throw new GpuUnavailableException(
                $"No active silo has accelerator=gpu, so {grain} cannot be placed and Chatbot:Inference:GpuFallback is 'fail'. " +
                "Start a silo with Chatbot:Silo:Accelerator=gpu, or set Chatbot:Inference:GpuFallback=cpu to run inference on CPU silos.");
        }

        LogFallback(logger, grain, candidates.Count);
        return candidates;
    }

    [LoggerMessage(1401, LogLevel.Warning, "No GPU silo is active: {Grain} is placed on one of {Count} CPU silos (Chatbot:Inference:GpuFallback=cpu)")]
    private static partial void LogFallback(ILogger logger, string grain, int count);

    [LoggerMessage(1402, LogLevel.Error, "No GPU silo is active: {Grain} is refused (Chatbot:Inference:GpuFallback=fail)")]
    private static partial void LogRefused(ILogger logger, string grain);
}
