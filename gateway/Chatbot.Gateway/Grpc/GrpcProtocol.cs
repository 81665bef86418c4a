using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Chatbot.Gateway.Grpc;

/// <summary>
/// What the HTTP pipeline needs to know about gRPC calls: which requests are calls to our services, and how middleware
/// that answers before any service runs (authentication, tenancy, limits, draining) answers a gRPC client: a
/// trailers-only response whose <c>grpc-status</c> is the gRPC code of the HTTP status it would have sent.
/// </summary>
internal static class GrpcProtocol
{
    /// <summary>Path prefix of the platform's own services (<c>/chatbot.v1.ChatService/StreamChat</c>); the health and
    /// reflection services are not under it.</summary>
    public const string ServicePathPrefix = "/chatbot.";

    /// <summary>Trailer naming the request field a validation error is about (as <c>errors</c> does in HTTP problem details).</summary>
    public const string FieldTrailer = "field";

    /// <summary>True for a call to one of the platform's gRPC services.</summary>
    public static bool IsService(PathString path) => path.Value?.StartsWith(ServicePathPrefix, StringComparison.Ordinal) == true;

    /// <summary>True when the request is a gRPC call (any service).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The gRPC code that means what <paramref name="httpStatus"/> means.</summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => StatusCode.InvalidArgument,
        StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
        StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
        StatusCodes.Status404NotFound => StatusCode.NotFound,
        StatusCodes.Status409Conflict => StatusCode.Aborted,
        StatusCodes.Status413PayloadTooLarge or StatusCodes.Status429TooManyRequests => StatusCode.ResourceExhausted,
        StatusCodes.Status503ServiceUnavailable => StatusCode.Unavailable,
        StatusCodes.Status504GatewayTimeout => StatusCode.DeadlineExceeded,
        _ => StatusCode.Internal,
    };

    /// <summary>Ends the call with <paramref name="code"/> before any service ran (a trailers-only response).</summary>
    public static Task WriteStatusAsync(HttpContext context, StatusCode code, string message, string? field = null)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        if (field is not null)
        {
            response.Headers[FieldTrailer] = field;
        }

        return response.CompleteAsync();
    }

    // grpc-message is percent-encoded UTF-8: every byte outside printable ASCII, and '%' itself.
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
