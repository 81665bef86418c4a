using Chatbot.Gateway.Http;
using Chatbot.Memory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Auth;

/// <summary>
/// The user behind an API request, who owns long-term memories and agent runs: the token's user claim (<c>sub</c> by
/// default), or for anonymous callers the <c>X-User-ID</c> header (default <c>anonymous</c>). A token holder's
/// <c>X-User-ID</c> may restate the user but never change it.
/// </summary>
internal static class UserIdentity
{
    public const string HeaderName = "X-User-ID";

    /// <summary>The user every anonymous caller without <c>X-User-ID</c> is.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The user of <paramref name="http"/>, or a 400/403 problem naming the header or claim at fault.</summary>
    public static (string? UserId, IResult? Problem) Get(HttpContext http)
    {
        var header = http.Request.Headers[HeaderName].ToString();
        if (header.Length > 0 && !UserKey.IsValidUserId(header))
        {
            return (null, Problems.BadField(HeaderName, $"{HeaderName} must be 1–{UserKey.MaxUserIdLength} characters without control characters."));
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            var claimName = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.UserClaim;
            var claim = http.User.FindFirst(claimName)?.Value;
            if (!UserKey.IsValidUserId(claim))
            {
                return (null, Forbidden($"The token has no valid '{claimName}' claim."));
            }

            return header.Length > 0 && header != claim
                ? (null, Forbidden($"{HeaderName} does not match the authenticated user."))
                : (claim, null);
        }

        return (header.Length > 0 ? header : Anonymous, null);
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
}
