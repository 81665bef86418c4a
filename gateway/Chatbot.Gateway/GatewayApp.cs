using Chatbot.Agents.Hosting;
using Chatbot.AI.Chat;
using Chatbot.AI.Conversations;
using Chatbot.Gateway.Agents;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Conversations;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Grpc;
using Chatbot.Gateway.Http;
using Chatbot.Gateway.Knowledge;
using Chatbot.Gateway.Mcp;
using Chatbot.Gateway.Memory;
using Chatbot.Gateway.OpenAI;
using Chatbot.Gateway.Operations;
using Chatbot.Gateway.RateLimiting;
using Chatbot.Gateway.Search;
using Chatbot.Gateway.Voice;
using Chatbot.Hosting;
using Chatbot.Hosting.Health;
using Chatbot.Hosting.Knowledge;
using Chatbot.Hosting.Telemetry;
using Chatbot.Safety.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Gateway;

/// <summary>Builds the gateway application; shared by <c>Program</c>, the tests and the benchmark, which host it on a real Kestrel port.</summary>
public static class GatewayApp
{
    /// <summary>Builds the app from command-line arguments; <paramref name="configure"/> lets a test add configuration or services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;
        var gateway = configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        // Before the co-hosted silo registers telemetry as a silo's: this process names its spans as the gateway.
        builder.Services.AddChatbotTelemetry(configuration, ChatbotTelemetryOptions.GatewayServiceName);

        // 1. Grains: in-process silo (single machine) or a client of a silo cluster.
        if (gateway.Mode == GatewayModes.Client)
        {
            builder.UseOrleansClient(client => client.AddChatbotClient(configuration));
            // The client keeps retrying until a silo answers; starting it alongside Kestrel lets the process serve
            // /healthz (and a 503 /readyz) meanwhile, instead of staying silent.
            builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
            builder.Services.AddOptions<ChatModelOptions>().Bind(configuration.GetSection(ChatModelOptions.SectionName));
            builder.Services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.SectionName))
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddOptions<AgentsOptions>().Bind(configuration.GetSection(AgentsOptions.SectionName))
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddChatbotKnowledgeEdge(configuration);
        }
        else
        {
            // The co-hosted silo registers the knowledge services (upload limits, parsers) the endpoints use too.
            builder.UseOrleans(silo => silo.AddChatbotSilo(configuration));
        }

        // 2. The edge: problem details, JSON conventions, auth, tenancy, limits, telemetry, OpenAPI, gRPC on its own port.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["request_id"] = c.HttpContext.Items.ContainsKey("chatbot.request-id")
                ? RequestIdMiddleware.Get(c.HttpContext)
                : null);
        builder.Services.ConfigureHttpJsonOptions(o => GatewayJson.Configure(o.SerializerOptions));
        builder.Services.AddChatbotAuth(configuration);
        builder.Services.AddChatbotRateLimiting(configuration);
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.AddChatbotHealthChecks();
        builder.Services.AddGatewayDraining();
        builder.Services.AddVoiceStreaming(configuration);
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation());
        builder.Services.AddOpenApi();
        builder.Services.AddPlatformMcpServer();
        builder.AddChatbotGrpc(gateway);
        configure?.Invoke(builder);

        // Last, so that every logging provider registered so far (the host's and a test's) writes redacted text.
        builder.Services.AddPiiLogRedaction();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseGatewayDraining();
        // The UI's files: checked only for non-API paths, so API calls never pay a file-system lookup.
        app.UseWhen(c => !TenantMiddleware.IsApi(c.Request.Path), ui => ui.UseDefaultFiles().UseStaticFiles());
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseWebSockets();

        app.MapChatbotHealthChecks();
        app.MapChatbotMetrics();
        app.MapDashboard(configuration);
        app.MapOpenApi();
        app.MapChatEndpoints();
        app.MapConversationEndpoints();
        app.MapUsageEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapSearchEndpoints();
        app.MapUnansweredEndpoints();
        app.MapOpenAIEndpoints();
        app.MapAgentEndpoints();
        app.MapMemoryEndpoints();
        app.MapPlatformMcp();
        app.MapVoiceEndpoints();
        app.MapChatbotGrpc();
        return app;
    }
}
