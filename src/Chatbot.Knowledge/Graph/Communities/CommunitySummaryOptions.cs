namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// How community summaries are written, bound to <c>Chatbot:Knowledge:Graph:Summaries</c>. Offline they are always
/// extractive; with <c>Chatbot:Model:Provider=openai</c> the chat model writes them (<see cref="ModelCommunitySummaryWriter"/>)
/// unless <see cref="UseModel"/> is false. Immutable.
/// </summary>
public sealed record CommunitySummaryOptions
{
    /// <summary>Let the chat model write the summaries when an <c>openai</c> provider is configured. Default true.</summary>
    public bool UseModel { get; init; } = true;

    /// <summary>Model calls in flight while a dataset's communities are summarised. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long one summary's model call may take before the extractive summary stands in. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Characters of community facts (entities, relations, sentences) sent per summary at most. Default 4000.</summary>
    public int MaxPromptChars { get; init; } = 4000;

    /// <summary>Relations shown to the model per community, the most confident first. Default 10.</summary>
    public int MaxRelations { get; init; } = 10;

    /// <summary>Sentences a model-written summary keeps at most (the prompt asks for no more). Default 3.</summary>
    public int MaxSentences { get; init; } = 3;

    /// <summary>Completion token limit per summary. Default 200.</summary>
    public int MaxOutputTokens { get; init; } = 200;

    /// <summary>Sampling temperature. Default 0.</summary>
    public float? Temperature { get; init; } = 0;
}
