using System.Net;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Mcp;

/// <summary>The platform's tools as an MCP server at <c>/mcp</c>, used by the MCP Inspector CLI and the .NET MCP client.</summary>
public sealed class McpServerTests
{
    private static Uri McpUrl(GatewayHost host) => new(host.BaseAddress, "mcp");

    [Fact]
    public async Task InspectorCli_ListsTheTenantsAllowedToolsAndCallsTheCalculator()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        var list = await McpInspector.RunAsync(McpUrl(host), ["--method", "tools/list"], Ct);
        var call = await McpInspector.RunAsync(McpUrl(host), ["--method", "tools/call", "--tool-name", "calculator", "--tool-arg", "expression=17% of 2,340"], Ct);
        var denied = await McpInspector.RunAsync(McpUrl(host), ["--method", "tools/call", "--tool-name", "files", "--tool-arg", "operation=list", "--tool-arg", "path=."], Ct);

        Assert.Equal(["calculator", "knowledge_search"], list.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("object", list.GetProperty("tools")[0].GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.False(call.TryGetProperty("isError", out var isError) && isError.GetBoolean());
        Assert.Equal(397.8, JsonDocument.Parse(call.GetProperty("content")[0].GetProperty("text").GetString()!).RootElement.GetProperty("result").GetDouble());
        Assert.True(denied.GetProperty("isError").GetBoolean());
        Assert.Contains("Denied by rule 'allowed_tools'", denied.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotNetClient_EachTenantSeesAndCallsWhatItsPolicyAllows()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string>(TestTokens.RequireTokens)
        {
            ["Chatbot:Tools:Policy:Tenants:acme:AllowedTools:0"] = "calculator",
            ["Chatbot:Tools:Policy:Tenants:beta:AllowedTools:0"] = "*",
        }, cancellationToken: Ct);
        await using var acme = await ConnectAsync(host, TestTokens.For("acme"));
        await using var beta = await ConnectAsync(host, TestTokens.For("beta"));

        var acmeTools = (await acme.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var betaTools = (await beta.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var sum = await acme.CallToolAsync("calculator", new Dictionary<string, object?> { ["expression"] = "(3 + 4) * 2^3" }, cancellationToken: Ct);
        var refused = await acme.CallToolAsync("knowledge_search", new Dictionary<string, object?> { ["query"] = "refunds" }, cancellationToken: Ct);
        var invalid = await acme.CallToolAsync("calculator", new Dictionary<string, object?> { ["expr"] = "1" }, cancellationToken: Ct);

        Assert.Equal(["calculator"], acmeTools);
        Assert.Contains("knowledge_search", betaTools);
        Assert.Contains("files", betaTools);
        Assert.NotEqual(true, sum.IsError);
        Assert.Contains("\"result\":56", Text(sum), StringComparison.Ordinal);
        Assert.True(refused.IsError);
        Assert.Contains("error (denied)", Text(refused), StringComparison.Ordinal);
        Assert.True(invalid.IsError);
        Assert.Contains("error (invalid_arguments)", Text(invalid), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotNetClient_WithoutAToken_Refused401()
    {
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(host, token: null));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<McpClient> ConnectAsync(GatewayHost host, string? token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUrl(host),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        return await McpClient.CreateAsync(transport, cancellationToken: Ct);
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
