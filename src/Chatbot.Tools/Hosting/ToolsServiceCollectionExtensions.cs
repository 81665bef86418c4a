using Chatbot.Tools.Calculator;
using Chatbot.Tools.Database;
using Chatbot.Tools.FileSystem;
using Chatbot.Tools.GitHub;
using Chatbot.Tools.Http;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Knowledge;
using Chatbot.Tools.Policy;
using Chatbot.Tools.Policy.Solver;
using Chatbot.Tools.Translation;
using Chatbot.Tools.Weather;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.Tools.Hosting;

/// <summary>Registers the agent tools, their options, the tool policy and the <see cref="ToolInvoker"/>.</summary>
public static class ToolsServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the weather and GitHub tools use (operator-configured endpoints).</summary>
    public const string ApiHttpClientName = "Chatbot.Tools.Api";

    /// <summary>
    /// Adds every tool (each answers "not configured" until its section under <c>Chatbot:Tools</c> is filled in),
    /// <see cref="ToolRegistry"/>, <see cref="ToolInvoker"/>, <see cref="ToolPolicyOptions"/> (validated at start-up,
    /// relational rules proved satisfiable by Z3) and the Z3 <see cref="IConstraintSolver"/>. The
    /// <c>knowledge_search</c> tool is added when an <see cref="IKnowledgeSearcher"/> is registered; <c>translate</c>
    /// uses the registered <see cref="IChatClient"/>, if any. Uses the registered <see cref="TimeProvider"/>, or adds
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddChatbotTools(this IServiceCollection services, IConfiguration configuration)
    {
        Bind<HttpToolOptions>(services, configuration, HttpToolOptions.SectionName);
        Bind<FileSystemToolOptions>(services, configuration, FileSystemToolOptions.SectionName);
        Bind<DatabaseToolOptions>(services, configuration, DatabaseToolOptions.SectionName);
        Bind<WeatherToolOptions>(services, configuration, WeatherToolOptions.SectionName);
        Bind<GitHubToolOptions>(services, configuration, GitHubToolOptions.SectionName);
        Bind<ToolPolicyOptions>(services, configuration, ToolPolicyOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ToolPolicyOptions>, ToolPolicyOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConstraintSolver>(new Z3ConstraintSolver());
        services.TryAddSingleton<ToolPolicyEvaluator>();
        services.TryAddSingleton<IToolPolicySource, OptionsToolPolicySource>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        // The tools keep their client for life, so the handler, not the factory, recycles connections (DNS changes).
        services.AddHttpClient(ApiHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<IAgentTool, CalculatorTool>();
        services.AddSingleton<IAgentTool>(sp => new HttpTool(
            Options<HttpToolOptions>(sp), sp.GetRequiredService<IHostResolver>(), sp.GetService<ILogger<HttpTool>>()));
        services.AddSingleton<IAgentTool>(sp => new FileSystemTool(Options<FileSystemToolOptions>(sp)));
        services.AddSingleton<IAgentTool>(sp => new DatabaseTool(Options<DatabaseToolOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAgentTool>(sp => new TranslationTool(sp.GetService<IChatClient>()));
        services.AddSingleton<IAgentTool>(sp => new WeatherTool(Options<WeatherToolOptions>(sp), ApiClient(sp)));
        services.AddSingleton<IAgentTool>(sp => new GitHubTool(Options<GitHubToolOptions>(sp), ApiClient(sp)));

        services.TryAddSingleton(sp => new ToolRegistry(sp.GetServices<IAgentTool>()
            .Concat(sp.GetService<IKnowledgeSearcher>() is { } searcher ? [new KnowledgeSearchTool(searcher)] : [])));
        services.TryAddSingleton<ToolInvoker>();
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    private static T Options<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    private static HttpClient ApiClient(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(ApiHttpClientName);
}
