using Orleans.Placement;

namespace Chatbot.Grains.Placement;

/// <summary>
/// Placement filter that keeps only silos whose metadata says <c>accelerator=gpu</c> (see
/// <see cref="GpuPlacementFilterDirector"/>, which also decides what happens when there is none). Unlike Orleans'
/// required-match filter, which keeps silos whose metadata equals the <em>caller's</em>, this compares with a fixed
/// value, so a call from a CPU silo or a client still lands on a GPU silo.
/// </summary>
public sealed class GpuPlacementFilterStrategy() : PlacementFilterStrategy(order: 0);

/// <summary>Pins a grain class to GPU silos with <see cref="GpuPlacementFilterStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class GpuPlacementFilterAttribute() : PlacementFilterAttribute(new GpuPlacementFilterStrategy());
