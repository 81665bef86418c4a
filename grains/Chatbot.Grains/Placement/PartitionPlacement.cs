using Chatbot.Knowledge;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Chatbot.Grains.Placement;

/// <summary>
/// Spreads the partitions of a dataset over the cluster: partition <c>p</c> goes to silo <c>p mod N</c> of the
/// compatible silos in address order, so a large knowledge base uses every silo's memory and CPU instead of piling up
/// next to the grain that first called it (Orleans' default prefers the caller's silo).
/// </summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class PartitionPlacementStrategy : PlacementStrategy;

/// <summary>Places a grain with <see cref="PartitionPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PartitionPlacementAttribute() : PlacementAttribute(new PartitionPlacementStrategy());

/// <summary>Chooses the silo for a partition grain from its key (<see cref="DatasetKey.Partition"/>).</summary>
public sealed class PartitionPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
        var key = target.GrainIdentity.Key.ToString() ?? "";
        var (_, _, partition) = DatasetKey.Parse(key);
        return Task.FromResult(silos[(partition ?? 0) % silos.Length]);
    }
}
