using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Chatbot.Grains.Placement;

/// <summary>
/// Which silos have a GPU, from their <see cref="AcceleratorMetadata"/>. Singleton per silo; thread-safe. Other silos'
/// metadata arrives shortly after they join (Orleans' silo metadata cache); until then a silo counts as CPU.
/// </summary>
public sealed class GpuSilos(
    ISiloMetadataCache metadata, IOptions<SiloMetadata> localMetadata, ILocalSiloDetails localSilo, IClusterMembershipService membership)
{
    /// <summary>This silo's accelerator: <see cref="AcceleratorMetadata.Gpu"/> or <see cref="AcceleratorMetadata.Cpu"/>.</summary>
    public string LocalAccelerator =>
        localMetadata.Value.Metadata.GetValueOrDefault(AcceleratorMetadata.Key) ?? AcceleratorMetadata.Cpu;

    /// <summary>Whether <paramref name="silo"/> has a GPU.</summary>
    public bool IsGpu(SiloAddress silo) => silo.Equals(localSilo.SiloAddress)
        ? LocalAccelerator == AcceleratorMetadata.Gpu
        : metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(AcceleratorMetadata.Key) == AcceleratorMetadata.Gpu;

    /// <summary>Whether any active silo of the cluster has a GPU.</summary>
    public bool AnyActive() => membership.CurrentSnapshot.Members.Values
        .Any(m => m.Status == SiloStatus.Active && IsGpu(m.SiloAddress));
}
