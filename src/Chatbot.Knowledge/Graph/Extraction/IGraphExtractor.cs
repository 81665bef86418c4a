namespace Chatbot.Knowledge.Graph.Extraction;

/// <summary>
/// Reads entities and relations out of one chunk of text. Implementations are thread-safe: one instance serves
/// concurrent calls for different chunks. <see cref="PatternGraphExtractor"/> is the offline default;
/// <see cref="Model.ModelGraphExtractor"/> asks a chat model.
/// </summary>
public interface IGraphExtractor
{
    /// <summary>Extracts the graph of <paramref name="text"/>; evidence offsets refer to <paramref name="text"/>.</summary>
    /// <param name="text">The chunk body.</param>
    /// <param name="cancellationToken">Cancels the extraction; an <see cref="OperationCanceledException"/> is thrown.</param>
    Task<GraphExtraction> ExtractAsync(string text, CancellationToken cancellationToken = default);
}
