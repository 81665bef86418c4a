using Chatbot.AI.Chat;
using Chatbot.AI.Tests.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chatbot.AI.Tests.Chat;

/// <summary>Start-up of <see cref="ChatServiceCollectionExtensions.AddChatbotChatModel"/>: validation and the embedded default.</summary>
public sealed class ChatModelCompositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_OpenAIWithoutBaseUrlOrModel_FailsNamingBothSettings()
    {
        var error = await StartupFailureAsync(() =>
            OpenAIModelHost.StartHostAsync(new() { ["Chatbot:Model:Provider"] = "openai" }, null, Ct));

        Assert.Contains("Chatbot:Model:OpenAI:BaseUrl", error, StringComparison.Ordinal);
        Assert.Contains("Chatbot:Model:OpenAI:Model", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://models.example.com/v1")]
    [InlineData("/v1")]
    public async Task StartAsync_OpenAIWithInvalidBaseUrl_FailsNamingBaseUrl(string baseUrl)
    {
        var error = await StartupFailureAsync(() => OpenAIModelHost.StartHostAsync(
            new()
            {
                ["Chatbot:Model:Provider"] = "openai",
                ["Chatbot:Model:OpenAI:BaseUrl"] = baseUrl,
                ["Chatbot:Model:OpenAI:Model"] = "gpt-4o-mini",
            },
            null,
            Ct));

        Assert.Contains("Chatbot:Model:OpenAI:BaseUrl", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Chatbot:Model:OpenAI:Model ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("StreamIdleTimeoutSeconds", "601")]
    [InlineData("MaxRetries", "11")]
    [InlineData("RetryDelayMilliseconds", "-1")]
    public async Task StartAsync_OpenAISettingOutOfRange_FailsNamingTheSetting(string setting, string value)
    {
        var error = await StartupFailureAsync(() => OpenAIModelHost.StartHostAsync(
            new()
            {
                ["Chatbot:Model:Provider"] = "openai",
                ["Chatbot:Model:OpenAI:BaseUrl"] = "http://127.0.0.1:1/v1",
                ["Chatbot:Model:OpenAI:Model"] = "gpt-4o-mini",
                [$"Chatbot:Model:OpenAI:{setting}"] = value,
            },
            null,
            Ct));

        Assert.Contains($"Chatbot:Model:OpenAI:{setting}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownProvider_FailsNamingProvider()
    {
        var error = await StartupFailureAsync(() =>
            OpenAIModelHost.StartHostAsync(new() { ["Chatbot:Model:Provider"] = "gpt5" }, null, Ct));

        Assert.Contains("Chatbot:Model:Provider", error, StringComparison.Ordinal);
    }

    // The host reports every failed options type together, in an AggregateException.
    private static async Task<string> StartupFailureAsync(Func<Task> start)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(start);
        var failures = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error];
        Assert.All(failures, e => Assert.IsType<OptionsValidationException>(e));
        return string.Join("\n", failures.Select(e => e.Message));
    }

    [Fact]
    public async Task StartAsync_NoConfiguration_ServesTheEmbeddedProvider()
    {
        using var host = await OpenAIModelHost.StartHostAsync(new() { ["Chatbot:Model:Embedded:WordDelayMs"] = "0" }, null, Ct);
        var client = host.Services.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync("hello", cancellationToken: Ct);

        Assert.Equal("embedded", client.GetService<ChatClientMetadata>()?.ProviderName);
        Assert.StartsWith("Hello!", response.Text, StringComparison.Ordinal);
        await host.StopAsync(Ct);
    }
}
