using System.Globalization;
using System.Threading.RateLimiting;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.RateLimiting;

/// <summary>A fixed-window limiter partitioned by tenant: one tenant's burst never uses another tenant's allowance.</summary>
internal static class RateLimitingExtensions
{
    public static IServiceCollection AddChatbotRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
            {
                var limits = settings.Value;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var tenant = TenantMiddleware.Find(context);
                    return !limits.Enabled || tenant is null
                        ? RateLimitPartition.GetNoLimiter("")
                        : RateLimitPartition.GetFixedWindowLimiter(tenant, _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.PermitLimit,
                            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                            QueueLimit = 0,
                        });
                });
                limiter.OnRejected = async (rejected, _) =>
                {
                    var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                        ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                        : limits.WindowSeconds;
                    rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                    await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests.",
                        $"The tenant's limit of {limits.PermitLimit} requests per {limits.WindowSeconds} s is used up; retry after {retryAfter} s.");
                };
            });
        return services;
    }
}
