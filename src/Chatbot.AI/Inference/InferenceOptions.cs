using System.ComponentModel.DataAnnotations;

namespace Chatbot.AI.Inference;

/// <summary>How inference grains are placed and batch their work (<c>Chatbot:Inference</c>).</summary>
public sealed class InferenceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Inference";

    /// <summary>
    /// Route knowledge embeddings (ingestion and query) through <c>IEmbeddingInferenceGrain</c>s, pinned to GPU silos,
    /// instead of each silo's own generator. Default false: every silo embeds locally.
    /// </summary>
    public bool UseInferenceGrains { get; set; }

    /// <summary>
    /// What an inference grain does when no active silo has <c>accelerator=gpu</c>: <c>cpu</c> (default) runs it on any
    /// silo; <c>fail</c> fails the call with <c>GpuUnavailableException</c>. Read by the silo that places the grain.
    /// </summary>
    [RegularExpression("^(cpu|fail)$", ErrorMessage = "Chatbot:Inference:GpuFallback must be 'cpu' or 'fail'.")]
    public string GpuFallback { get; set; } = GpuFallbackModes.Cpu;

    /// <summary>Most texts one model run embeds (1–4096). A full batch runs at once. Default 64.</summary>
    [Range(1, 4096, ErrorMessage = "Chatbot:Inference:MaxBatch must be between 1 and 4096.")]
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// Longest wait, in milliseconds, for more callers before a partial batch runs (0–1000; 0 runs every call's texts at
    /// once). Default 5.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "Chatbot:Inference:BatchWindowMilliseconds must be between 0 and 1000.")]
    public int BatchWindowMilliseconds { get; set; } = 5;

    /// <summary>Embedding grains per model (1–64): callers spread over them round-robin, the grains over GPU silos. Default 1.</summary>
    [Range(1, 64, ErrorMessage = "Chatbot:Inference:EmbeddingShards must be between 1 and 64.")]
    public int EmbeddingShards { get; set; } = 1;

    /// <summary><see cref="BatchWindowMilliseconds"/> as a span.</summary>
    public TimeSpan BatchWindow => TimeSpan.FromMilliseconds(BatchWindowMilliseconds);
}
