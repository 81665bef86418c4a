using System.Net;
using Chatbot.Tools.Http;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Tests.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Http;

/// <summary>
/// SSRF defences against a real Kestrel server on loopback. The server's exact 127.0.0.1:port is the only exempt
/// endpoint; the tests that expect a refusal check that the refused request never reached any server.
/// </summary>
public sealed class HttpToolTests : IAsyncLifetime
{
    private static readonly IPAddress s_privateAddress = IPAddress.Parse("10.0.0.5");
    private LoopbackWebServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackWebServer.StartAsync(app =>
        {
            app.MapGet("/hello", () => Results.Text("hello from the test server", "text/plain"));
            app.MapGet("/json", () => Results.Json(new { answer = 42 }));
            app.MapGet("/go", (string to) => Results.Redirect(to));
            app.MapGet("/loop", () => Results.Redirect("/loop"));
            app.MapGet("/big", () => Results.Text(new string('x', 5000), "text/plain"));
        }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_PermittedTestServer_ReturnsStatusAndBody()
    {
        using var tool = Tool();

        var content = Content(await RunAsync(tool, Url("/hello")));

        Assert.Equal(200, content.GetProperty("status").GetInt32());
        Assert.Equal("hello from the test server", content.GetProperty("body").GetString());
        Assert.StartsWith("text/plain", content.GetProperty("content_type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_LoopbackWithoutExemption_IsRefusedBeforeConnecting()
    {
        using var tool = Tool(permitServer: false);

        var result = await RunAsync(tool, Url("/hello"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("resolves to 127.0.0.1, a loopback address", result.Content, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("http://2130706433:{port}/hello")]
    [InlineData("http://0x7f.0.0.1:{port}/hello")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hello")]
    [InlineData("http://127.1:{port}/hello")]
    public async Task InvokeAsync_ObfuscatedLoopbackLiteral_IsRefused(string url)
    {
        using var tool = Tool(permitServer: false, allowedHosts: ["127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1"]);

        var result = await RunAsync(tool, Arguments(url.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_CloudMetadataAddress_IsRefused()
    {
        using var tool = Tool(allowedHosts: ["169.254.169.254"]);

        var result = await RunAsync(tool, Arguments("http://169.254.169.254/latest/meta-data/iam/security-credentials/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("169.254.169.254, a cloud metadata address", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NameResolvingToPrivateAddress_IsRefusedAfterResolution()
    {
        var resolver = Resolver();
        using var tool = Tool(resolver: resolver, allowedHosts: ["intranet.example"]);

        var result = await RunAsync(tool, Arguments("http://intranet.example/payroll"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("'intranet.example': it resolves to 10.0.0.5, a private address", result.Content, StringComparison.Ordinal);
        Assert.Equal(["intranet.example"], resolver.Lookups);
    }

    [Fact]
    public async Task InvokeAsync_NameResolvingToPublicAndPrivateAddresses_IsRefused()
    {
        using var tool = Tool(resolver: Resolver(), allowedHosts: ["mixed.example"]);

        var result = await RunAsync(tool, Arguments("http://mixed.example/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("10.0.0.5", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RedirectToNameResolvingToPrivateAddress_IsRefusedAtTheHop()
    {
        using var tool = Tool(resolver: Resolver(), allowedHosts: ["127.0.0.1", "intranet.example"]);

        var result = await RunAsync(tool, Url("/go?to=http://intranet.example/admin"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("resolves to 10.0.0.5, a private address", result.Content, StringComparison.Ordinal);
        Assert.Equal(["/go?to=http://intranet.example/admin"], _server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_RedirectToAnotherLoopbackPort_IsRefused()
    {
        using var tool = Tool();
        var otherPort = _server.Port == 65535 ? 65534 : _server.Port + 1;

        var result = await RunAsync(tool, Url($"/go?to=http://127.0.0.1:{otherPort}/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("a loopback address", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RedirectToMetadataAddress_IsRefused()
    {
        using var tool = Tool(allowedHosts: ["127.0.0.1", "169.254.169.254"]);

        var result = await RunAsync(tool, Url("/go?to=http://169.254.169.254/latest/meta-data/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("a cloud metadata address", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RedirectToHostOffTheAllowList_IsRefused()
    {
        using var tool = Tool();

        var result = await RunAsync(tool, Url("/go?to=https://elsewhere.example/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("the host 'elsewhere.example' is not on the allow-list", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RedirectWithinAllowedServer_IsFollowed()
    {
        using var tool = Tool();

        var content = Content(await RunAsync(tool, Url("/go?to=/json")));

        Assert.Equal(200, content.GetProperty("status").GetInt32());
        Assert.Contains("42", content.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, content.GetProperty("redirects").GetArrayLength());
    }

    [Fact]
    public async Task InvokeAsync_RedirectLoop_GivesUpAfterMaxRedirects()
    {
        using var tool = Tool();

        var result = await RunAsync(tool, Url("/loop"));

        Assert.Equal(ToolErrorCodes.Failed, result.ErrorCode);
        Assert.Contains("Gave up after 3 redirects", result.Content, StringComparison.Ordinal);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task InvokeAsync_HostOffTheAllowList_IsRefusedWithoutResolving()
    {
        var resolver = Resolver();
        using var tool = Tool(resolver: resolver);

        var result = await RunAsync(tool, Arguments("https://intranet.example/"));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Empty(resolver.Lookups);
    }

    [Theory]
    [InlineData("http://user:secret@127.0.0.1/", "URLs with credentials are not allowed")]
    [InlineData("ftp://127.0.0.1/", "only http and https URLs are allowed")]
    [InlineData("file:///etc/passwd", "only http and https URLs are allowed")]
    public async Task InvokeAsync_UnsupportedUrl_IsRefused(string url, string reason)
    {
        using var tool = Tool();

        var result = await RunAsync(tool, Arguments(url));

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains(reason, result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_LargeBody_IsCutAtMaxResponseBytes()
    {
        using var tool = Tool(maxResponseBytes: 1024);

        var content = Content(await RunAsync(tool, Url("/big")));

        Assert.True(content.GetProperty("truncated").GetBoolean());
        Assert.Equal(1024, content.GetProperty("body").GetString()!.Length);
    }

    private HttpTool Tool(
        bool permitServer = true, MappedHostResolver? resolver = null, string[]? allowedHosts = null, int maxResponseBytes = 4096) =>
        new(new HttpToolOptions
        {
            AllowedHosts = [.. allowedHosts ?? ["127.0.0.1"]],
            PermittedPrivateEndpoints = permitServer ? [$"127.0.0.1:{_server.Port}"] : [],
            AllowPlainHttp = true,
            MaxRedirects = 3,
            MaxResponseBytes = maxResponseBytes,
        }, resolver ?? Resolver());

    private static MappedHostResolver Resolver() => new(new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["intranet.example"] = [s_privateAddress],
        ["mixed.example"] = [IPAddress.Parse("93.184.216.34"), s_privateAddress],
    });

    private string Url(string pathAndQuery) => Arguments(_server.Url(pathAndQuery).ToString());

    private static string Arguments(string url) => $$"""{"url": "{{url}}"}""";
}
