using System.ClientModel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Chatbot.AI.Chat;

/// <summary>Maps a model call's failure to the error code and message clients see in the <c>error</c> event.</summary>
public static class ModelErrors
{
    /// <summary>Code for a model that did not answer in time.</summary>
    public const string Timeout = "model_timeout";

    /// <summary>Code for any other model failure.</summary>
    public const string Failed = "model_error";

    /// <summary>The code and a message safe to show to the end user.</summary>
    public static (string Code, string Message) Describe(Exception exception) => exception switch
    {
        TimeoutException or TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException } =>
            (Timeout, "The model did not answer in time."),
        BrokenCircuitException => (Failed, "The model endpoint keeps failing; calls to it are paused for a moment."),
        ClientResultException { Status: > 0 } e => (Failed, $"The model endpoint answered HTTP {e.Status}."),
        HttpRequestException { StatusCode: { } status } => (Failed, $"The model endpoint answered HTTP {(int)status}."),
        HttpRequestException or IOException => (Failed, "The connection to the model endpoint failed."),
        _ => (Failed, "The model failed to answer."),
    };
}
