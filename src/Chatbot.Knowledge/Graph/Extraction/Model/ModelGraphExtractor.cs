using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>
/// Extracts with a chat model: the schema and a strict JSON shape go in the system prompt
/// (<see cref="GraphExtractionPrompt"/>), the reply is parsed and checked against <see cref="GraphSchema"/>
/// (<see cref="ModelReplyParser"/>: unknown types mapped or dropped, confidences clamped), and an unusable reply is
/// answered with its error and retried, up to <see cref="ModelGraphExtractorOptions.MaxAttempts"/> calls.
/// Thread-safe when the chat client is.
/// </summary>
public sealed class ModelGraphExtractor : IGraphExtractor
{
    private readonly IChatClient _chatClient;
    private readonly ModelGraphExtractorOptions _options;

    /// <summary>Creates an extractor over <paramref name="chatClient"/>.</summary>
    public ModelGraphExtractor(IChatClient chatClient, ModelGraphExtractorOptions? options = null)
    {
        _chatClient = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
        _options = options ?? new ModelGraphExtractorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
    }

    /// <inheritdoc />
    /// <exception cref="GraphExtractionException">No reply within the attempts was usable JSON.</exception>
    public async Task<GraphExtraction> ExtractAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return GraphExtraction.Empty;
        }

        var messages = GraphExtractionPrompt.Messages(text);
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.Json,
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
        };
        var error = "";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var response = await _chatClient.GetResponseAsync(messages, chatOptions, cancellationToken);
            var reply = response.Text;
            if (ModelReplyParser.TryParse(reply, text, out var extraction, out error))
            {
                return extraction;
            }

            // Show the model its own reply and what was wrong with it; models fix a named error far more often than they
            // fix a silent retry.
            messages.Add(new ChatMessage(ChatRole.Assistant, reply));
            messages.Add(new ChatMessage(ChatRole.User, GraphExtractionPrompt.Correction(error)));
        }

        throw new GraphExtractionException($"The model gave no usable graph JSON in {_options.MaxAttempts} attempts; the last error was: {error}");
    }
}
