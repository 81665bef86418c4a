using Chatbot.Gateway.Grpc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Http;

/// <summary>RFC 7807 answers that name the field at fault in <c>errors</c>.</summary>
internal static class Problems
{
    /// <summary>400 naming <paramref name="field"/>.</summary>
    public static ValidationProblem BadField(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: "The request is invalid.");

    /// <summary>404 for a resource identified by <paramref name="field"/>.</summary>
    public static ProblemHttpResult NotFound(string field, string message) =>
        TypedResults.Problem(
            detail: message,
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>A problem with a machine-readable <c>code</c> extension.</summary>
    public static ProblemHttpResult Coded(int status, string code, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>
    /// Writes a problem directly to the response, for middleware that runs before endpoints. A gRPC call gets the same
    /// answer as a gRPC status instead (the code for <paramref name="status"/>, <paramref name="detail"/> as its message).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? field = null)
    {
        if (GrpcProtocol.IsGrpc(context.Request))
        {
            await GrpcProtocol.WriteStatusAsync(context, GrpcProtocol.FromHttpStatus(status), detail, field);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
