using Chatbot.Knowledge.Embeddings;
using Microsoft.Extensions.Logging;

namespace Chatbot.Hosting.Knowledge;

/// <summary>Log messages of the knowledge-base composition (event ids 2200–2299).</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(2201, LogLevel.Information,
        "onnx embeddings: model {ModelId}, {Dimensions} dimensions, running on {ExecutionProvider} (CUDA unavailable because: {CudaUnavailable})")]
    public static partial void OnnxModelLoaded(
        ILogger logger, string modelId, int dimensions, OnnxExecutionProvider executionProvider, string cudaUnavailable);
}
