using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Grpc;
using Chatbot.Gateway.Http;
using Chatbot.Hosting.Health;
using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Gateway.Draining;

/// <summary>Registers <see cref="GatewayDrain"/>, its readiness check and the middleware that refuses new API requests.</summary>
internal static class DrainingExtensions
{
    public static IServiceCollection AddGatewayDraining(this IServiceCollection services)
    {
        services.AddSingleton<GatewayDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayDrain>());
        services.AddHealthChecks().AddCheck<DrainHealthCheck>("draining", tags: [ChatbotHealthChecks.ReadyTag]);
        return services;
    }

    /// <summary>While draining, API requests get 503 with <c>Retry-After</c> (gRPC calls: UNAVAILABLE); health probes and the UI's files still answer.</summary>
    public static IApplicationBuilder UseGatewayDraining(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var drain = context.RequestServices.GetRequiredService<GatewayDrain>();
        if (drain.IsDraining && TenantMiddleware.IsApi(context.Request.Path))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(drain.RetryHint.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (GrpcProtocol.IsGrpc(context.Request))
            {
                await GrpcProtocol.WriteStatusAsync(context, StatusCode.Unavailable,
                    "This gateway is shutting down; retry the call, it will reach another gateway.");
                return;
            }

            await Problems.Coded(StatusCodes.Status503ServiceUnavailable, "draining", "This gateway is shutting down.",
                "Retry the request; it will reach another gateway.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private sealed class DrainHealthCheck(GatewayDrain drain) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy("the gateway is draining") : HealthCheckResult.Healthy());
    }
}
