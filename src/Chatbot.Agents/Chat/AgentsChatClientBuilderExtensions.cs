using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.AI.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.Agents.Chat;

/// <summary>Adds the agents' per-turn middleware to a chat pipeline.</summary>
public static class AgentsChatClientBuilderExtensions
{
    /// <summary>Recalls and remembers the user's long-term memory (<see cref="UserMemoryChatClient"/>); needs an <see cref="IAgentMemory"/>.</summary>
    public static ChatClientBuilder UseUserMemory(this ChatClientBuilder builder) =>
        builder.Use((inner, services) => services.GetService<IAgentMemory>() is { } memory
            ? new UserMemoryChatClient(inner, memory, services.GetRequiredService<IOptionsMonitor<AgentsOptions>>(), services.GetService<ILogger<UserMemoryChatClient>>())
            : inner);

    /// <summary>Lets opted-in tenants' chat turns use tools (<see cref="ChatToolsChatClient"/>).</summary>
    public static ChatClientBuilder UseChatTools(this ChatClientBuilder builder) =>
        builder.Use((inner, services) => new ChatToolsChatClient(
            inner, services, services.GetRequiredService<IOptions<ChatModelOptions>>().Value.Provider == ChatProviders.Embedded));
}
