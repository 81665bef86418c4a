using Chatbot.Diagnostics;
using Orleans.Concurrency;

namespace Chatbot.Grains.Diagnostics;

/// <summary>Answers readiness probes from the silo that takes the call.</summary>
[StatelessWorker]
public sealed class ProbeGrain(ILocalSiloDetails silo) : Grain, IProbeGrain
{
    public Task<string> PingAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
