using Chatbot.Conversations;

namespace Chatbot.Gateway.Http;

/// <summary>
/// Gives every request an id: the client's <c>X-Request-ID</c> when valid (it is also the idempotency key of a chat
/// turn), or a new one. The id is echoed on every response, errors included.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-ID";
    private const string ItemKey = "chatbot.request-id";

    public Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        var requestId = supplied.Length == 0 ? Guid.NewGuid().ToString("N") : supplied;
        context.Items[ItemKey] = requestId;
        context.Response.Headers[HeaderName] = requestId;
        if (supplied.Length > 0 && !ConversationKey.IsValidId(supplied))
        {
            return Problems.WriteAsync(
                context, StatusCodes.Status400BadRequest, "The request is invalid.",
                $"{HeaderName} must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.", HeaderName);
        }

        return next(context);
    }

    /// <summary>The id assigned to <paramref name="context"/>.</summary>
    public static string Get(HttpContext context) => (string)context.Items[ItemKey]!;
}
