using Chatbot.Safety.Guards;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Safety.Chat;

/// <summary>Adds the <see cref="GuardedChatClient"/> to a chat pipeline.</summary>
public static class GuardedChatClientBuilderExtensions
{
    /// <summary>Inspects input and (non-streamed) output with the <see cref="ContentGuard"/> from the services, or <paramref name="guard"/>.</summary>
    public static ChatClientBuilder UseContentGuard(this ChatClientBuilder builder, ContentGuard? guard = null) =>
        builder.Use((inner, services) => new GuardedChatClient(inner, guard ?? services.GetRequiredService<ContentGuard>()));
}
