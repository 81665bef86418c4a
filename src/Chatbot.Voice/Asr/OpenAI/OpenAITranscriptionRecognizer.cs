namespace Chatbot.Voice.Asr.OpenAI;

/// <summary>
/// <see cref="ISpeechRecognizer"/> for an OpenAI-compatible <c>POST {BaseUrl}/audio/transcriptions</c> endpoint
/// (OpenAI, Azure OpenAI, faster-whisper and whisper.cpp servers, ...): each utterance is buffered and sent as one WAV
/// file when it completes, so there are no partial hypotheses. A domain's sentences go along as the <c>prompt</c>,
/// which biases Whisper-family models towards its words. Thread-safe.
/// </summary>
public sealed class OpenAITranscriptionRecognizer(HttpClient http, OpenAITranscriptionOptions settings, TimeSpan maxUtterance) : ISpeechRecognizer
{
    /// <summary>The longest prompt sent, in characters (Whisper reads about 224 tokens of it).</summary>
    public const int MaxPromptCharacters = 800;

    /// <inheritdoc />
    public ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new OpenAITranscriptionRequest(
            Endpoint(), settings.ApiKey, settings.Model, Language(options.Language), Prompt(options.Domain));
        return ValueTask.FromResult<IRecognitionStream>(new OpenAITranscriptionStream(http, request, maxUtterance));
    }

    private Uri Endpoint() => new($"{(settings.BaseUrl ?? throw new InvalidOperationException(
        "Chatbot:Voice:Asr:OpenAI:BaseUrl is required when Chatbot:Voice:Asr:Provider is 'openai'.")).TrimEnd('/')}/audio/transcriptions");

    // The API takes ISO-639-1 ("en"), sessions may say "en-US".
    private static string? Language(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Split('-', '_')[0].ToLowerInvariant();

    private static string? Prompt(SpeechDomain? domain)
    {
        if (domain is null)
        {
            return null;
        }

        var prompt = new System.Text.StringBuilder();
        foreach (var sentence in domain.Sentences)
        {
            var text = string.Join(' ', sentence);
            if (prompt.Length + text.Length + 2 > MaxPromptCharacters)
            {
                break;
            }

            prompt.Append(text).Append(". ");
        }

        return prompt.Length == 0 ? null : prompt.ToString().TrimEnd();
    }
}
