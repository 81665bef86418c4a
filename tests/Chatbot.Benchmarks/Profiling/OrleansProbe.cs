using System.Diagnostics;
using Chatbot.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Chatbot.Benchmarks.Profiling;

/// <summary>
/// Times what the silo does per turn (<c>--profile</c>): every incoming grain call by interface and method (the
/// streaming enumeration shows up as calls to Orleans' async-enumerable extension), and every grain-state write with
/// its payload size. Installed by decorating the platform's services from outside, so the platform's code is unchanged.
/// </summary>
internal sealed class OrleansProbe
{
    /// <summary>Grain calls: count and time from arrival to result, waits included.</summary>
    public TimingStats Calls { get; } = new();

    /// <summary>Grain-state writes by state type: count, time (serialization, writer queue and SQLite) and payload bytes.</summary>
    public TimingStats Writes { get; } = new();

    /// <summary>Adds the call filter and wraps the grain storage the conversation and tenant grains use.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<IIncomingGrainCallFilter>(new TimingCallFilter(Calls));

        var storage = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, ProviderNames.GrainState))
            ?? throw new InvalidOperationException($"No grain storage named '{ProviderNames.GrainState}' is registered.");
        var factory = storage.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage '{ProviderNames.GrainState}' is not registered with a factory.");
        services.AddKeyedSingleton<IGrainStorage>(ProviderNames.GrainState, (sp, key) =>
            new TimedGrainStorage((IGrainStorage)factory(sp, key), sp.GetRequiredService<Serializer>(), Writes));
    }

    private static string ShortName(string interfaceName)
    {
        var dot = interfaceName.LastIndexOf('.');
        return dot < 0 ? interfaceName : interfaceName[(dot + 1)..];
    }

    private sealed class TimingCallFilter(TimingStats calls) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await context.Invoke();
            }
            finally
            {
                calls.Record($"{ShortName(context.InterfaceName)}.{context.MethodName}", started);
            }
        }
    }

    private sealed class TimedGrainStorage(IGrainStorage inner, Serializer serializer, TimingStats writes) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            // Serialized once more only to learn the size; the time of that copy is recorded apart.
            var serializeStarted = Stopwatch.GetTimestamp();
            var bytes = serializer.SerializeToArray(grainState.State).Length;
            writes.Record($"{typeof(T).Name} serialize (size probe)", serializeStarted, bytes);

            var started = Stopwatch.GetTimestamp();
            await inner.WriteStateAsync(stateName, grainId, grainState);
            writes.Record($"{typeof(T).Name} write", started, bytes);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
