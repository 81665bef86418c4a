using System.ComponentModel.DataAnnotations;

namespace Chatbot.AI.Chat;

/// <summary>Which chat model answers, configured under <c>Chatbot:Model</c>.</summary>
public sealed class ChatModelOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Model";

    /// <summary><c>embedded</c> (default; offline grounded answerer) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    [Required]
    [RegularExpression("^(embedded|openai)$", ErrorMessage = "Chatbot:Model:Provider must be 'embedded' or 'openai'.")]
    public string Provider { get; set; } = ChatProviders.Embedded;

    /// <summary>System instructions placed before every prompt.</summary>
    public string SystemPrompt { get; set; } =
        "You are a helpful enterprise assistant. Answer from the provided sources and cite them as [n]. " +
        "If the sources do not contain the answer, say that you do not know.";

    /// <summary>Settings of the embedded provider.</summary>
    public EmbeddedModelOptions Embedded { get; set; } = new();

    /// <summary>Settings of the OpenAI-compatible provider.</summary>
    public OpenAIModelOptions OpenAI { get; set; } = new();
}

/// <summary>Known values of <see cref="ChatModelOptions.Provider"/>.</summary>
public static class ChatProviders
{
    /// <summary>The offline grounded answerer.</summary>
    public const string Embedded = "embedded";

    /// <summary>An OpenAI-compatible HTTP endpoint.</summary>
    public const string OpenAI = "openai";
}

/// <summary>Settings of the embedded provider (<c>Chatbot:Model:Embedded</c>).</summary>
public sealed class EmbeddedModelOptions
{
    /// <summary>Model id reported in usage and <c>/v1/models</c>. Default <c>chatbot-embedded</c>.</summary>
    public string ModelId { get; set; } = "chatbot-embedded";

    /// <summary>Pause between streamed words, in milliseconds (0–1000), so a person sees the answer stream. Default 15.</summary>
    [Range(0, 1000)]
    public int WordDelayMs { get; set; } = 15;
}

/// <summary>Settings of the OpenAI-compatible provider (<c>Chatbot:Model:OpenAI</c>).</summary>
public sealed class OpenAIModelOptions
{
    /// <summary>Base URL of the API, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>API key sent as a bearer token. Optional for local servers, which are sent the literal token "unused" instead.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model name sent with each request, e.g. <c>gpt-4o-mini</c>.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Seconds to wait for the response headers of one attempt (1–600). Default 30. It does not bound the streamed
    /// body: <see cref="StreamIdleTimeoutSeconds"/> does.
    /// </summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds a stream may stay silent between two chunks before it is abandoned with a <see cref="TimeoutException"/>
    /// (1–600). Default 30. The wait for the first chunk also allows for the attempts and retries before it.
    /// </summary>
    [Range(1, 600)]
    public int StreamIdleTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Retries of a failed attempt (connection failure, HTTP 408/429/5xx, attempt timeout) before any answer text
    /// arrived (0–10). Default 2. Once the response headers are in, nothing is retried.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Base delay before the first retry, in milliseconds (0–60,000), doubled for each further retry with jitter and
    /// capped at 10 s; a <c>Retry-After</c> header from the endpoint takes precedence. Default 500.
    /// </summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 500;
}
