namespace Chatbot.Knowledge.Embeddings;

/// <summary>Where ONNX Runtime runs the embedding model.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>CUDA when this build of ONNX Runtime has it and a device answers, otherwise the CPU. The default.</summary>
    Auto,

    /// <summary>The CPU, always.</summary>
    Cpu,

    /// <summary>CUDA on <see cref="OnnxEmbeddingOptions.DeviceId"/>; start-up fails when it is unavailable.</summary>
    Cuda,
}
