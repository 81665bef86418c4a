namespace Chatbot.Inference;

/// <summary>The silo an inference grain activation runs on.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.InferenceLocation")]
public sealed record InferenceLocation
{
    /// <summary>The silo's address (<c>SiloAddress.ToString()</c>).</summary>
    [Id(0)] public required string Silo { get; init; }

    /// <summary>The silo's <c>accelerator</c> metadata: <c>gpu</c> or <c>cpu</c>.</summary>
    [Id(1)] public required string Accelerator { get; init; }
}
