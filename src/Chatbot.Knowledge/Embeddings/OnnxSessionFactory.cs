using Microsoft.ML.OnnxRuntime;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Opens the model on the execution provider <see cref="OnnxEmbeddingOptions.ExecutionProvider"/> asks for. The
/// project references the CPU build of ONNX Runtime; a GPU image swaps in <c>Microsoft.ML.OnnxRuntime.Gpu</c> (same
/// managed API), whose CUDA provider <c>auto</c> then uses. Stateless.
/// </summary>
internal static class OnnxSessionFactory
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>The open session, the provider it runs on, and why CUDA was not used when <c>auto</c> fell back to the CPU.</summary>
    /// <exception cref="InvalidOperationException">The model cannot be loaded, or <c>cuda</c> was asked for and is unavailable.</exception>
    public static (InferenceSession Session, OnnxExecutionProvider Provider, string? CudaUnavailable) Create(OnnxEmbeddingOptions options)
    {
        if (options.ExecutionProvider == OnnxExecutionProvider.Cpu)
        {
            return (Open(options, cuda: false), OnnxExecutionProvider.Cpu, null);
        }

        string reason;
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider))
        {
            reason = $"this build of ONNX Runtime has no {CudaProvider} (it needs the Microsoft.ML.OnnxRuntime.Gpu package)";
        }
        else
        {
            try
            {
                return (Open(options, cuda: true), OnnxExecutionProvider.Cuda, null);
            }
            catch (OnnxRuntimeException ex)
            {
                // Typically the CUDA or cuDNN libraries are missing, or no device has this ordinal.
                reason = ex.Message;
            }
        }

        if (options.ExecutionProvider == OnnxExecutionProvider.Cuda)
        {
            throw new InvalidOperationException(
                $"{OnnxEmbeddingOptions.SectionName}:ExecutionProvider is 'cuda' but CUDA device {options.DeviceId} is unavailable: {reason}. " +
                "Use 'auto' to fall back to the CPU.");
        }

        return (Open(options, cuda: false), OnnxExecutionProvider.Cpu, reason);
    }

    private static InferenceSession Open(OnnxEmbeddingOptions options, bool cuda)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Concurrent runs share the cores instead of each claiming all of them.
            IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount / options.MaxConcurrency),
        };
        if (cuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
        }

        try
        {
            return new InferenceSession(options.ModelPath!, sessionOptions);
        }
        catch (OnnxRuntimeException ex) when (!cuda)
        {
            throw new InvalidOperationException(
                $"{OnnxEmbeddingOptions.SectionName}:ModelPath '{Path.GetFullPath(options.ModelPath!)}' is not a loadable ONNX model: {ex.Message}", ex);
        }
    }
}
