namespace Chatbot.AI.Inference;

/// <summary>Known values of <see cref="InferenceOptions.GpuFallback"/>.</summary>
public static class GpuFallbackModes
{
    /// <summary>Without a GPU silo, inference grains run on any silo.</summary>
    public const string Cpu = "cpu";

    /// <summary>Without a GPU silo, calls to inference grains fail with a clear message.</summary>
    public const string Fail = "fail";
}
