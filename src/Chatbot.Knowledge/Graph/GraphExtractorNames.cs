namespace Chatbot.Knowledge.Graph;

/// <summary>Values of <see cref="GraphOptions.Extractor"/>.</summary>
public static class GraphExtractorNames
{
    /// <summary>The offline pattern extractor (<see cref="Extraction.PatternGraphExtractor"/>).</summary>
    public const string Pattern = "pattern";

    /// <summary>The chat model (<see cref="Extraction.Model.ModelGraphExtractor"/>).</summary>
    public const string Model = "model";
}
