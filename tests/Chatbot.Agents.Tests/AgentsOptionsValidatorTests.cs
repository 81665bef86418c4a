using Chatbot.Agents.Hosting;
using Xunit;

namespace Chatbot.Agents.Tests;

public sealed class AgentsOptionsValidatorTests
{
    [Fact]
    public void Validate_BadMcpServerAndReminder_FailsNamingEachSetting()
    {
        var options = new AgentsOptions { RunReminderPeriod = TimeSpan.FromMilliseconds(10) };
        options.McpServers["acme"] = [new McpServerEntry { Url = "ftp://tools.example.com" }, new McpServerEntry { Url = "https://ok.example.com/mcp", Name = "bad name" }];

        var result = new AgentsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Chatbot:Agents:RunReminderPeriod", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Chatbot:Agents:McpServers:acme:0:Url", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Chatbot:Agents:McpServers:acme:1:Name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new AgentsOptionsValidator().Validate(null, new AgentsOptions()).Succeeded);
    }
}
