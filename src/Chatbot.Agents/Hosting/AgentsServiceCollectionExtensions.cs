using Chatbot.Agents.Loop;
using Chatbot.Agents.Memory;
using Chatbot.Agents.Model;
using Chatbot.Agents.Planning;
using Chatbot.Agents.Tools;
using Chatbot.AI.Chat;
using Chatbot.Safety.Context;
using Chatbot.Safety.Guards;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Tools.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.Agents.Hosting;

/// <summary>Registers agent runs: the loop, its reasoner, tools (platform and MCP) and options.</summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AgentsOptions"/> (<c>Chatbot:Agents</c>, validated at start-up), the tools
    /// (<c>AddChatbotTools</c>), the <see cref="McpClientPool"/>, <see cref="AgentToolboxFactory"/>, the reasoner of the
    /// configured model provider (<see cref="RuleBasedReasoner"/> for <c>embedded</c>, <see cref="ModelReasoner"/> over the
    /// keyed agent chat client for <c>openai</c>) and the <see cref="AgentLoop"/>. Needs the chat model and safety services
    /// (<c>AddChatbotChatModel</c>); an <see cref="IAgentMemory"/> and a <c>IKnowledgeSearcher</c> are used when registered.
    /// </summary>
    public static IServiceCollection AddChatbotAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentsOptions>()
            .Bind(configuration.GetSection(AgentsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentsOptions>, AgentsOptionsValidator>());
        services.AddChatbotTools(configuration);
        services.AddHttpClient(McpClientPool.HttpClientName);
        services.TryAddSingleton(sp => new McpClientPool(
            sp.GetRequiredService<IOptionsMonitor<AgentsOptions>>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<AgentToolboxFactory>();
        // Long-term memory is matched by the offline hashing embedder whatever embedder the knowledge bases use.
        services.TryAddSingleton(_ => new HashingEmbeddingGenerator());
        services.TryAddSingleton<IAgentReasoner>(sp => sp.GetRequiredService<IOptions<ChatModelOptions>>().Value.Provider == ChatProviders.OpenAI
            ? new ModelReasoner(sp.GetRequiredKeyedService<IChatClient>(ChatServiceCollectionExtensions.AgentClientKey), sp.GetRequiredService<ContextDelimiter>())
            : new RuleBasedReasoner());
        services.TryAddSingleton(sp => new AgentLoop(
            sp.GetRequiredService<IAgentReasoner>(),
            sp.GetRequiredService<AgentToolboxFactory>(),
            sp.GetRequiredService<ContentGuard>(),
            sp.GetRequiredService<IOptionsMonitor<AgentsOptions>>(),
            sp.GetService<IAgentMemory>(),
            sp.GetService<ILogger<AgentLoop>>()));
        return services;
    }
}
