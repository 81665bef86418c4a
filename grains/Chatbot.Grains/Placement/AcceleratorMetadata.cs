namespace Chatbot.Grains.Placement;

/// <summary>
/// The silo metadata entry that says which accelerator a silo has (<c>accelerator=gpu</c> or <c>cpu</c>), set from
/// <c>Chatbot:Silo:Accelerator</c>; <see cref="GpuPlacementFilterDirector"/> reads it.
/// </summary>
public static class AcceleratorMetadata
{
    /// <summary>Metadata key.</summary>
    public const string Key = "accelerator";

    /// <summary>The silo has a GPU inference grains should run on.</summary>
    public const string Gpu = "gpu";

    /// <summary>The silo has no accelerator (default).</summary>
    public const string Cpu = "cpu";
}
