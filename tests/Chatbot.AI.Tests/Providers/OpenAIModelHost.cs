using Chatbot.AI.Chat;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.AI.Tests.Providers;

/// <summary>
/// A started host composed by <see cref="ChatServiceCollectionExtensions.AddChatbotChatModel"/> with the <c>openai</c>
/// provider pointed at a <see cref="FakeOpenAIServer"/>.
/// </summary>
internal sealed class OpenAIModelHost : IAsyncDisposable
{
    public const string ApiKey = "sk-test-123";
    public const string Model = "gpt-fake-mini";

    private readonly IHost _host;

    private OpenAIModelHost(IHost host, FakeOpenAIServer server)
    {
        _host = host;
        Server = server;
        Client = host.Services.GetRequiredService<IChatClient>();
    }

    public FakeOpenAIServer Server { get; }

    public IChatClient Client { get; }

    /// <summary>Starts the fake server and a host; <paramref name="settings"/> override the defaults under
    /// <c>Chatbot:Model:OpenAI</c> (no retry delay, 10 s attempt timeout, 20 s idle timeout, 2 retries).</summary>
    public static async Task<OpenAIModelHost> StartAsync(
        CancellationToken cancellationToken, TimeProvider? timeProvider = null, params (string Key, string Value)[] settings)
    {
        var server = await FakeOpenAIServer.StartAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["Chatbot:Model:Provider"] = ChatProviders.OpenAI,
            ["Chatbot:Model:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
            ["Chatbot:Model:OpenAI:ApiKey"] = ApiKey,
            ["Chatbot:Model:OpenAI:Model"] = Model,
            ["Chatbot:Model:OpenAI:TimeoutSeconds"] = "10",
            ["Chatbot:Model:OpenAI:StreamIdleTimeoutSeconds"] = "20",
            ["Chatbot:Model:OpenAI:MaxRetries"] = "2",
            ["Chatbot:Model:OpenAI:RetryDelayMilliseconds"] = "0",
            // These tests are about the provider's stream; the answer guard's re-chunking is tested on its own (Safety/).
            ["Chatbot:Safety:Default:OutputPii"] = "Allow",
            ["Chatbot:Safety:Default:Toxicity"] = "Allow",
        };
        foreach (var (key, value) in settings)
        {
            values[$"Chatbot:Model:OpenAI:{key}"] = value;
        }

        var host = await StartHostAsync(values, timeProvider, cancellationToken);
        return new OpenAIModelHost(host, server);
    }

    /// <summary>Builds and starts a host with only <paramref name="values"/> as configuration.</summary>
    public static async Task<IHost> StartHostAsync(
        Dictionary<string, string?> values, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddLogging();
        builder.Services.AddChatbotChatModel(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await Server.DisposeAsync();
    }
}
