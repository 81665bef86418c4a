using Chatbot.Gateway.Http;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chatbot.Gateway.Grpc;

/// <summary>
/// The gRPC side of <see cref="ClusterUnavailableHandler"/>: while the cluster recovers from a failed node, grain calls
/// fail with errors that are transient; callers get UNAVAILABLE (which gRPC clients retry) instead of UNKNOWN.
/// </summary>
internal sealed partial class GrpcErrorInterceptor(ILogger<GrpcErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ClusterUnavailableHandler.IsTransient(ex))
        {
            throw Unavailable(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ClusterUnavailableHandler.IsTransient(ex))
        {
            throw Unavailable(ex, context);
        }
    }

    private RpcException Unavailable(Exception exception, ServerCallContext context)
    {
        LogUnavailable(logger, exception, context.Method);
        return new RpcException(new Status(StatusCode.Unavailable,
            "The cluster is recovering from a failed node; retry the call with the same request_id.", exception));
    }

    [LoggerMessage(3101, LogLevel.Warning, "Cluster unavailable while serving gRPC {Method}; answered UNAVAILABLE")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method);
}
