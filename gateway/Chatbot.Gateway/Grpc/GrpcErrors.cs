using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Grpc;

/// <summary>The gRPC form of the HTTP API's errors: the same checks, the same messages, the field in a trailer.</summary>
internal static class GrpcErrors
{
    /// <summary>INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static RpcException InvalidArgument(string field, string message) => WithField(StatusCode.InvalidArgument, field, message);

    /// <summary>NOT_FOUND for the resource named by <paramref name="field"/>.</summary>
    public static RpcException NotFound(string field, string message) => WithField(StatusCode.NotFound, field, message);

    /// <summary>INVALID_ARGUMENT for the (first) field of a validation problem the HTTP API would have answered.</summary>
    public static RpcException From(ValidationProblem problem)
    {
        var (field, messages) = problem.ProblemDetails.Errors.First();
        return InvalidArgument(field, messages.FirstOrDefault() ?? problem.ProblemDetails.Detail ?? "The request is invalid.");
    }

    private static RpcException WithField(StatusCode code, string field, string message) =>
        new(new Status(code, message), new Metadata { { GrpcProtocol.FieldTrailer, field } });
}
