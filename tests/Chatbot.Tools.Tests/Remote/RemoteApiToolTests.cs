using Chatbot.Tools.GitHub;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Knowledge;
using Chatbot.Tools.Weather;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Remote;

/// <summary>The weather and GitHub tools against a local server standing in for the configured endpoints.</summary>
public sealed class RemoteApiToolTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private LoopbackWebServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackWebServer.StartAsync(app =>
        {
            app.MapGet("/weather", (string q, string appid, string units) => appid == "weather-key"
                ? Results.Json(new { name = q, weather = new[] { new { description = "light rain" } }, main = new { temp = 18.5, feels_like = 17.9, humidity = 81 }, wind = new { speed = 4.1 } })
                : Results.Unauthorized());
            app.MapGet("/api/repos/{owner}/{repo}/issues/{number:int}", (HttpContext context, string owner, string repo, int number) =>
                context.Request.Headers.Authorization == "Bearer gh-token"
                    ? Results.Json(new { number, title = "Grain deactivates early", state = "open", user = new { login = "ada" }, html_url = $"https://github.com/{owner}/{repo}/issues/{number}", body = "Steps..." })
                    : Results.Unauthorized());
        }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Weather_Configured_ReturnsCurrentConditions()
    {
        var tool = new WeatherTool(new WeatherToolOptions { Endpoint = _server.Url("/weather").ToString(), ApiKey = "weather-key" }, _http);

        var content = Content(await RunAsync(tool, """{"location": "Shanghai,CN"}"""));

        Assert.Equal("Shanghai,CN", content.GetProperty("location").GetString());
        Assert.Equal("light rain", content.GetProperty("conditions").GetString());
        Assert.Equal(18.5, content.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public async Task Weather_NoKey_SaysNotConfigured()
    {
        var tool = new WeatherTool(new WeatherToolOptions { Endpoint = _server.Url("/weather").ToString() }, _http);

        var result = await RunAsync(tool, """{"location": "Paris"}""");

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
        Assert.Equal("The weather tool is not configured: set Chatbot:Tools:Weather:Endpoint and Chatbot:Tools:Weather:ApiKey.", result.Content);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Weather_WrongKey_ReportsTheHttpStatus()
    {
        var tool = new WeatherTool(new WeatherToolOptions { Endpoint = _server.Url("/weather").ToString(), ApiKey = "wrong" }, _http);

        var result = await RunAsync(tool, """{"location": "Paris"}""");

        Assert.Equal(ToolErrorCodes.Failed, result.ErrorCode);
        Assert.Contains("HTTP 401", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_GetIssue_SendsTokenAndReturnsTheIssue()
    {
        var tool = new GitHubTool(new GitHubToolOptions { Endpoint = _server.Url("/api").ToString(), Token = "gh-token" }, _http);

        var content = Content(await RunAsync(tool, """{"operation": "get_issue", "owner": "dotnet", "repo": "orleans", "number": 42}"""));

        Assert.Equal("Grain deactivates early", content.GetProperty("title").GetString());
        Assert.Equal("ada", content.GetProperty("author").GetString());
        Assert.Equal(["/api/repos/dotnet/orleans/issues/42"], _server.Requests);
    }

    [Theory]
    [InlineData("""{"operation": "get_issue", "owner": "..", "repo": "orleans", "number": 1}""", "'owner' may contain only")]
    [InlineData("""{"operation": "get_issue", "owner": "dotnet/../admin", "repo": "x", "number": 1}""", "'owner' may contain only")]
    [InlineData("""{"operation": "get_issue", "owner": "dotnet", "repo": "orleans"}""", "'number' is required")]
    public async Task GitHub_UnsafeOrMissingNames_AreRejected(string arguments, string error)
    {
        var tool = new GitHubTool(new GitHubToolOptions { Endpoint = _server.Url("/api").ToString(), Token = "gh-token" }, _http);

        var result = await RunAsync(tool, arguments);

        Assert.Equal(ToolErrorCodes.InvalidArguments, result.ErrorCode);
        Assert.Contains(error, result.Content, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GitHub_NoToken_SaysNotConfigured()
    {
        var result = await RunAsync(new GitHubTool(new GitHubToolOptions(), _http), """{"operation": "search_issues", "query": "is:open"}""");

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
        Assert.Contains("Chatbot:Tools:GitHub:Token", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnowledgeSearch_NumbersHitsForCitation_AndPassesTheTenant()
    {
        var searcher = new FixedSearcher();

        var content = Content(await RunAsync(new KnowledgeSearchTool(searcher), """{"query": "refund window", "top_k": 2}"""));

        Assert.Equal("tenant-a", searcher.Tenant);
        Assert.Equal(2, content.GetProperty("results").GetArrayLength());
        Assert.Equal(1, content.GetProperty("results")[0].GetProperty("n").GetInt32());
        Assert.Equal("policy.pdf", content.GetProperty("results")[0].GetProperty("source").GetString());
    }

    private sealed class FixedSearcher : IKnowledgeSearcher
    {
        public string? Tenant { get; private set; }

        public ValueTask<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int topK, string? datasetId, ToolInvocationContext context, CancellationToken cancellationToken)
        {
            Tenant = context.TenantId;
            return ValueTask.FromResult<IReadOnlyList<KnowledgeHit>>(
                [new("Refunds within 30 days.", "policy.pdf", 0.9), new("Store credit after 30 days.", "faq.md", 0.7), new("Shipping info.", "ship.md", 0.2)]);
        }
    }
}
