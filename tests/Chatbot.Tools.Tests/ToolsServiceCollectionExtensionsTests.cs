using Chatbot.Tools.Hosting;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests;

public sealed class ToolsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddChatbotTools_FromConfiguration_InvokesUnderTheTenantPolicy()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Chatbot:Tools:Policy:Default:AllowedTools:0"] = "calculator",
            ["Chatbot:Tools:Policy:Tenants:acme:AllowedTools:0"] = "*",
        });
        var invoker = services.GetRequiredService<ToolInvoker>();
        var registry = services.GetRequiredService<ToolRegistry>();

        var acme = await invoker.InvokeAsync("sql_query", Json("""{"sql": "SELECT 1"}"""), new("acme", "c1"), TestContext.Current.CancellationToken);
        var other = await invoker.InvokeAsync("sql_query", Json("""{"sql": "SELECT 1"}"""), new("globex", "c2"), TestContext.Current.CancellationToken);

        Assert.Equal(["calculator", "files", "github", "http_get", "sql_query", "translate", "weather"], registry.Definitions.Select(d => d.Name));
        Assert.Equal(ToolErrorCodes.NotConfigured, acme.ErrorCode);
        Assert.Equal(ToolErrorCodes.Denied, other.ErrorCode);
    }

    [Fact]
    public void AddChatbotTools_ContradictoryPolicy_FailsValidation()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Chatbot:Tools:Policy:Default:Rules:refund:Relations:0:Expression"] = "amount > 10",
            ["Chatbot:Tools:Policy:Default:Rules:refund:Relations:1:Expression"] = "amount < 5",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ToolPolicyOptions>>().Value);

        Assert.Contains("Chatbot:Tools:Policy:Default:Rules:refund: the Numbers and Relations rules can never hold together", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddChatbotTools(configuration).BuildServiceProvider();
    }
}
