using Chatbot.Hosting;
using Orleans.Storage;

namespace Chatbot.Benchmarks.Profiling;

/// <summary>
/// Grain storage that keeps nothing and completes at once (<c>--platform-storage none</c>): what the platform costs
/// without persistence, to tell the storage's share of a turn from the rest. Never for anything but measuring.
/// </summary>
internal sealed class NoOpGrainStorage : IGrainStorage
{
    /// <summary>Replaces the platform's grain storage with this one.</summary>
    public static void Install(IServiceCollection services) =>
        services.AddKeyedSingleton<IGrainStorage>(ProviderNames.GrainState, (_, _) => new NoOpGrainStorage());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = "1";
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
