using Microsoft.AspNetCore.Diagnostics;

namespace Chatbot.Gateway.Http;

/// <summary>
/// While a silo is dead and before the cluster has noticed (a second or two with the membership settings we use), grain
/// calls fail with Orleans' unavailability errors. Those are transient: answer 503 with <c>Retry-After</c> so clients
/// retry (with the same <c>X-Request-ID</c>, which keeps the retry idempotent) instead of a bare 500.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable.",
                Detail = "The cluster is recovering from a failed node; retry the request with the same X-Request-ID.",
            },
        });
    }

    /// <summary>True for the errors of a cluster that is recovering from a failed node (also used for gRPC calls).</summary>
    public static bool IsTransient(Exception exception) => exception is SiloUnavailableException
        or Orleans.Runtime.OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or TimeoutException
        || exception.InnerException is { } inner && IsTransient(inner);

    [LoggerMessage(3001, LogLevel.Warning, "Cluster unavailable while serving {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
