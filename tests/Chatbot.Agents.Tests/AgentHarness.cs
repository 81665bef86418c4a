using Chatbot.Agents.Hosting;
using Chatbot.Agents.Loop;
using Chatbot.AI.Chat;
using Chatbot.Safety.Hosting;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chatbot.Agents.Tests;

/// <summary>
/// The agent loop as the silo builds it (<c>AddChatbotAgents</c> with the embedded provider, the real tools, policy and
/// guards), over a fixed knowledge base instead of the grains. Settings are configuration keys, as an operator sets them.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AgentHarness(IReadOnlyDictionary<string, string?>? settings = null, params KnowledgeHit[] knowledge)
        : this(settings, configure: null, knowledge)
    {
    }

    // configure adds services the silo would (for example an IAgentMemory).
    public AgentHarness(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure, params KnowledgeHit[] knowledge)
    {
        var values = new Dictionary<string, string?>
        {
            ["Chatbot:Tools:Policy:Default:AllowedTools:0"] = "*",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<ChatModelOptions>().Bind(configuration.GetSection(ChatModelOptions.SectionName));
        services.AddChatbotSafety(configuration);
        services.AddSingleton<IKnowledgeSearcher>(new FixedKnowledge(knowledge));
        services.AddChatbotAgents(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public AgentLoop Loop => _services.GetRequiredService<AgentLoop>();

    public IServiceProvider Services => _services;

    public static AgentRunContext Run(string task, int maxIterations = 3, double threshold = 0.8, IReadOnlyList<string>? capabilities = null) =>
        new("tenant-a", "run-1", new AgentRunRequest
        {
            Task = task,
            MaxIterations = maxIterations,
            ConfidenceThreshold = threshold,
            Capabilities = capabilities ?? AgentCapabilities.All,
            UserId = "user-1",
        });

    /// <summary>Runs to the end and returns every step.</summary>
    public async Task<List<AgentStep>> RunAsync(AgentRunContext run, AgentWorkingMemory? from = null)
    {
        var steps = new List<AgentStep>();
        await foreach (var step in Loop.RunAsync(run, from ?? new AgentWorkingMemory(), TestContext.Current.CancellationToken))
        {
            steps.Add(step);
        }

        return steps;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Knowledge that answers every query with the same passages.</summary>
    private sealed class FixedKnowledge(IReadOnlyList<KnowledgeHit> hits) : IKnowledgeSearcher
    {
        public ValueTask<IReadOnlyList<KnowledgeHit>> SearchAsync(
            string query, int topK, string? datasetId, ToolInvocationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<KnowledgeHit>>([.. hits.Take(topK)]);
    }
}
