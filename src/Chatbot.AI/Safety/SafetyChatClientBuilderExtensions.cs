using Chatbot.Safety.Guards;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Safety;

/// <summary>Adds the platform's guard middleware to a chat pipeline.</summary>
public static class SafetyChatClientBuilderExtensions
{
    /// <summary>Inspects retrieved passages (<see cref="RetrievedContentGuardChatClient"/>) with the registered <see cref="ContentGuard"/>.</summary>
    public static ChatClientBuilder UseRetrievedContentGuard(this ChatClientBuilder builder) =>
        builder.Use((inner, services) => new RetrievedContentGuardChatClient(inner, services.GetRequiredService<ContentGuard>()));

    /// <summary>Applies the output policy to streamed answers (<see cref="StreamingAnswerGuardChatClient"/>).</summary>
    public static ChatClientBuilder UseStreamingAnswerGuard(this ChatClientBuilder builder) =>
        builder.Use((inner, services) => new StreamingAnswerGuardChatClient(
            inner,
            services.GetRequiredService<ContentGuard>(),
            services.GetRequiredService<PiiDetector>(),
            services.GetRequiredService<IOptionsMonitor<GuardOptions>>()));
}
