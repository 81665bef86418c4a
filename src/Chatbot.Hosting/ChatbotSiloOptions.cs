using System.ComponentModel.DataAnnotations;
using Chatbot.Grains.Placement;

namespace Chatbot.Hosting;

/// <summary>What this silo offers the cluster (<c>Chatbot:Silo</c>).</summary>
public sealed class ChatbotSiloOptions
{
    /// <summary>
    /// <c>cpu</c> (default) or <c>gpu</c>: published as the silo's <c>accelerator</c> metadata, which pins inference
    /// grains to GPU silos. Set <c>gpu</c> only where the embedding model really runs on a GPU.
    /// </summary>
    [RegularExpression("^(cpu|gpu)$", ErrorMessage = "Chatbot:Silo:Accelerator must be 'cpu' or 'gpu'.")]
    public string Accelerator { get; set; } = AcceleratorMetadata.Cpu;
}
