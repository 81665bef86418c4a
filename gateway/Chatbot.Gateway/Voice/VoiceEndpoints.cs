using Chatbot.AI.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Voice;

/// <summary><c>GET /api/v1/voice/stream</c>: a full-duplex voice session over a WebSocket.</summary>
internal static class VoiceEndpoints
{
    /// <summary>The WebSocket's path.</summary>
    public const string Path = "/api/v1/voice/stream";

    /// <summary>How often the server pings an idle socket so proxies keep it open.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>Registers <see cref="VoiceStreamOptions"/> (validated at start-up).</summary>
    public static IServiceCollection AddVoiceStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoiceStreamOptions>().Bind(configuration.GetSection(VoiceStreamOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddWebSockets(o => o.KeepAliveInterval = KeepAliveInterval);
        return services;
    }

    public static RouteHandlerBuilder MapVoiceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, StreamAsync)
            .WithTags("Voice")
            .WithSummary("Full-duplex voice over a WebSocket: start, audio (or binary frames), text, stop in; asr_partial, asr_final, " +
                "llm_delta, tts_chunk, interrupted, done, error out. Browsers pass their token as ?access_token=.")
            .ProducesProblem(StatusCodes.Status426UpgradeRequired);

    private static async Task<IResult> StreamAsync(
        HttpContext http, IGrainFactory grains, IOptions<VoiceStreamOptions> limits, IOptions<ConversationOptions> conversations,
        GatewayDrain drain, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.Headers.Upgrade = "websocket";
            return Problems.Coded(StatusCodes.Status426UpgradeRequired, "websocket_required", "A WebSocket is required.",
                $"{Path} speaks the voice protocol over a WebSocket (ws:// or wss://).");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new VoiceSocketSession(socket, grains, TenantMiddleware.Get(http), limits.Value,
            conversations.Value.MaxMessageChars, drain, loggers.CreateLogger<VoiceSocketSession>());
        await session.RunAsync(http.RequestAborted);
        return Results.Empty;
    }
}
