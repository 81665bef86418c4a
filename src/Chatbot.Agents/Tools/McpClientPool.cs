using System.Collections.Concurrent;
using Chatbot.Agents.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace Chatbot.Agents.Tools;

/// <summary>
/// Connections to the tenants' MCP servers (<see cref="AgentsOptions.McpServers"/>), one per server URL and header set,
/// opened on first use and kept for the life of the process; a connection that failed is retried on the next use.
/// Thread-safe; dispose to close every connection.
/// </summary>
public sealed partial class McpClientPool(
    IOptionsMonitor<AgentsOptions> options, IHttpClientFactory httpClients, ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> MCP connections use.</summary>
    public const string HttpClientName = "Chatbot.Agents.Mcp";

    private readonly ConcurrentDictionary<string, Lazy<Task<McpClient>>> _clients = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory?.CreateLogger<McpClientPool>() ?? NullLogger<McpClientPool>.Instance;

    /// <summary>
    /// The tools of every MCP server configured for <paramref name="tenantId"/>, with the server each comes from. A server
    /// that cannot be reached is logged and left out; the others still count.
    /// </summary>
    public async Task<IReadOnlyList<(McpServerEntry Server, McpClientTool Tool)>> ListToolsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var servers = options.CurrentValue.McpServersOf(tenantId);
        var found = new List<(McpServerEntry, McpClientTool)>();
        foreach (var server in servers)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.CurrentValue.McpConnectTimeoutSeconds));
            try
            {
                var client = await ClientAsync(server, timeout.Token);
                foreach (var tool in await client.ListToolsAsync(cancellationToken: timeout.Token))
                {
                    found.Add((server, tool));
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(_logger, ex, server.DisplayName, tenantId);
                _clients.TryRemove(Key(server), out _);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            await (await client.Value).DisposeAsync();
        }

        _clients.Clear();
    }

    private Task<McpClient> ClientAsync(McpServerEntry server, CancellationToken cancellationToken)
    {
        var lazy = _clients.GetOrAdd(Key(server), _ => new Lazy<Task<McpClient>>(() => ConnectAsync(server)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    // The connection outlives the call that opened it, so it is not tied to that call's token.
    private async Task<McpClient> ConnectAsync(McpServerEntry server)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(server.Url),
                Name = server.DisplayName,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string>(server.Headers, StringComparer.OrdinalIgnoreCase),
            },
            httpClients.CreateClient(HttpClientName),
            loggerFactory,
            ownsHttpClient: true);
        var client = new McpClientOptions { InitializationTimeout = TimeSpan.FromSeconds(options.CurrentValue.McpConnectTimeoutSeconds) };
        return await McpClient.CreateAsync(transport, client, loggerFactory, CancellationToken.None);
    }

    private static string Key(McpServerEntry server) =>
        server.Url + "\n" + string.Join("\n", server.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key}:{h.Value}"));

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "MCP server {Server} of tenant {TenantId} is unreachable; its tools are left out")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string server, string tenantId);
}
