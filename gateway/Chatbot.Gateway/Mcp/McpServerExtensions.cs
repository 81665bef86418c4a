using System.Text.Json;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Chatbot.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Chatbot.Gateway.Mcp;

/// <summary>
/// The platform's tools as an MCP server at <c>/mcp</c> (streamable HTTP). Requests pass the gateway's JWT and tenant
/// middleware like every API call; <c>tools/list</c> lists the tools the tenant's policy allows, <c>tools/call</c> runs
/// one through the tool invoker on the silo (schema, policy, timeout, size). Stateless, so any gateway of a cluster
/// can serve any request without session affinity.
/// </summary>
internal static class McpServerExtensions
{
    /// <summary>The path of the MCP endpoint.</summary>
    public const string Path = "/mcp";

    public static IServiceCollection AddPlatformMcpServer(this IServiceCollection services)
    {
        services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = "chatbot", Version = "1.0.0" })
            .WithHttpTransport(o =>
            {
                o.Stateless = true;
                o.ConfigureSessionOptions = (http, mcp, _) =>
                {
                    // Each request is its own session (stateless): its handlers serve the request's tenant only.
                    var tools = http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IToolGrain>(TenantMiddleware.Get(http));
                    var requestId = RequestIdMiddleware.Get(http);
                    mcp.Handlers.ListToolsHandler = async (_, cancellationToken) => new ListToolsResult
                    {
                        Tools = [.. (await tools.ListAsync(includeExternal: false, cancellationToken)).Where(t => t.Allowed).Select(ToMcp)],
                    };
                    mcp.Handlers.CallToolHandler = async (request, cancellationToken) =>
                    {
                        var call = request.Params!;
                        var arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, JsonElement>());
                        var outcome = await tools.InvokeAsync(call.Name, arguments, $"mcp-{requestId}", cancellationToken);
                        return new CallToolResult
                        {
                            Content = [new TextContentBlock { Text = outcome.ErrorCode is null ? outcome.Content : $"error ({outcome.ErrorCode}): {outcome.Content}" }],
                            IsError = outcome.ErrorCode is not null,
                        };
                    };
                    return Task.CompletedTask;
                };
            });
        return services;
    }

    public static IEndpointConventionBuilder MapPlatformMcp(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMcp(Path).WithTags("MCP");

    private static Tool ToMcp(ToolDescriptor tool)
    {
        using var schema = JsonDocument.Parse(tool.InputSchemaJson);
        return new Tool { Name = tool.Name, Description = tool.Description, InputSchema = schema.RootElement.Clone() };
    }
}
