using Chatbot.Knowledge.Graph.Extraction.Patterns;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Writes community summaries with a chat model from the community's entities, relations and supporting sentences
/// (<see cref="CommunitySummaryPrompt"/>, bounded by <see cref="CommunitySummaryOptions.MaxPromptChars"/>), keeping at
/// most <see cref="CommunitySummaryOptions.MaxSentences"/> sentences of the reply. A call that fails, times out
/// (<see cref="CommunitySummaryOptions.Timeout"/>) or answers nothing is logged and the extractive text stands in.
/// Thread-safe when the chat client is.
/// </summary>
public sealed partial class ModelCommunitySummaryWriter : ICommunitySummaryWriter
{
    private readonly IChatClient _chatClient;
    private readonly CommunitySummaryOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a writer over <paramref name="chatClient"/>.</summary>
    public ModelCommunitySummaryWriter(IChatClient chatClient, CommunitySummaryOptions? options = null, ILogger<ModelCommunitySummaryWriter>? logger = null)
    {
        _chatClient = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
        _options = options ?? new CommunitySummaryOptions();
        _logger = logger ?? NullLogger<ModelCommunitySummaryWriter>.Instance;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(CommunitySummary summary, IReadOnlyList<CommunityRelation> relations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(relations);
        var chatOptions = new ChatOptions { Temperature = _options.Temperature, MaxOutputTokens = _options.MaxOutputTokens };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var response = await _chatClient.GetResponseAsync(CommunitySummaryPrompt.Messages(summary, relations, _options), chatOptions, timeout.Token);
            var text = FirstSentences(response.Text.Trim());
            if (text.Length > 0)
            {
                return text;
            }

            LogEmptyReply(_logger, summary.Level, summary.CommunityId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The summary is a convenience over facts already extracted: a model outage must not stop the index job,
            // and the extractive text answers the same broad questions, less fluently.
            LogModelFailed(_logger, ex, summary.Level, summary.CommunityId);
        }

        return summary.Text;
    }

    private string FirstSentences(string text)
    {
        var sentences = ExtractionSentences.Split(text).Take(_options.MaxSentences + 1).ToList();
        return sentences.Count <= _options.MaxSentences ? text : text[..sentences[_options.MaxSentences - 1].End].Trim();
    }

    [LoggerMessage(1230, LogLevel.Warning, "Community {Level}/{CommunityId}: the model summary failed; the extractive summary stands in")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, int level, int communityId);

    [LoggerMessage(1231, LogLevel.Warning, "Community {Level}/{CommunityId}: the model answered no summary; the extractive summary stands in")]
    private static partial void LogEmptyReply(ILogger logger, int level, int communityId);
}
