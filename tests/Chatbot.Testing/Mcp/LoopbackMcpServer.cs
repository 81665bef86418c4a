using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace Chatbot.Testing.Mcp;

/// <summary>
/// A second MCP server on a free loopback port (ModelContextProtocol.AspNetCore, streamable HTTP at <c>/mcp</c>), standing
/// in for a tenant's own tool server: it offers <see cref="InventoryTool"/>, which answers the stock of a SKU, and
/// records every call and the headers it came with. Dispose to stop it.
/// </summary>
public sealed class LoopbackMcpServer : IAsyncDisposable
{
    /// <summary>The tool the server offers.</summary>
    public const string InventoryTool = "inventory_lookup";

    private readonly WebApplication _app;

    private LoopbackMcpServer(WebApplication app) => _app = app;

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:41234/mcp</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The arguments of every call, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, JsonElement>> Calls { get; } = new();

    /// <summary>The <c>Authorization</c> header of every request.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Starts the server.</summary>
    public static async Task<LoopbackMcpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        LoopbackMcpServer? server = null;
        builder.Services.AddMcpServer().WithHttpTransport(o =>
        {
            o.Stateless = true;
            o.ConfigureSessionOptions = (http, mcp, _) =>
            {
                server!.Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
                mcp.Handlers.ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult
                {
                    Tools =
                    [
                        new Tool
                        {
                            Name = InventoryTool,
                            Description = "Units in stock for a SKU.",
                            InputSchema = JsonDocument.Parse("""{"type":"object","properties":{"sku":{"type":"string"}},"required":["sku"]}""").RootElement,
                        },
                    ],
                });
                mcp.Handlers.CallToolHandler = (request, _) =>
                {
                    var arguments = new Dictionary<string, JsonElement>(request.Params!.Arguments ?? new Dictionary<string, JsonElement>());
                    server!.Calls.Enqueue(arguments);
                    var sku = arguments.TryGetValue("sku", out var value) ? value.GetString() : null;
                    return ValueTask.FromResult(new CallToolResult
                    {
                        Content = [new TextContentBlock { Text = $$"""{"sku":"{{sku}}","in_stock":42}""" }],
                    });
                };
                return Task.CompletedTask;
            };
        });
        var app = builder.Build();
        server = new LoopbackMcpServer(app);
        app.MapMcp("/mcp");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/mcp");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
