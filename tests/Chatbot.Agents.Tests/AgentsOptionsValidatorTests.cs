using Chatbot.Agents.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Theory]
    [InlineData("ShortTermMessages", "1001")]
    [InlineData("ShortTermMaxChars", "999")]
    [InlineData("ShortTermMaxChars", "1000001")]
    [InlineData("LongTermFactLimit", "0")]
    public void AddChatbotAgents_OutOfRange_FailsNamingTheSetting(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{AgentsOptions.SectionName}:{setting}"] = value })
            .Build();
        using var services = new ServiceCollection().AddChatbotAgents(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AgentsOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
