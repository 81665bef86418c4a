using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Http;

/// <summary>
/// The <c>offset</c> and <c>limit</c> query parameters of the list endpoints. They are bound as text and parsed here, so
/// a value that is not a whole number gets the same 400 naming the parameter as one out of range (ASP.NET's own binding
/// would answer a bare 400). Pure.
/// </summary>
internal static class Paging
{
    /// <summary>Parses and checks the parameters; the problem naming the first bad one, or null.</summary>
    /// <param name="offsetText">The <c>offset</c> query value, if given.</param>
    /// <param name="limitText">The <c>limit</c> query value, if given.</param>
    /// <param name="maxLimit">The largest page.</param>
    /// <param name="offset">The offset given, or null.</param>
    /// <param name="limit">The limit given, or null.</param>
    public static ValidationProblem? Parse(string? offsetText, string? limitText, int maxLimit, out int? offset, out int? limit)
    {
        offset = null;
        limit = null;
        if (!TryParse(offsetText, out offset))
        {
            return Problems.BadField("offset", $"offset must be a whole number, 0 or more (was '{offsetText}').");
        }

        if (!TryParse(limitText, out limit))
        {
            return Problems.BadField("limit", $"limit must be a whole number between 1 and {maxLimit} (was '{limitText}').");
        }

        return Check(offset, limit, maxLimit);
    }

    /// <summary>The problem with a page request's numbers (also for gRPC), or null.</summary>
    /// <param name="offset">The offset given, or null.</param>
    /// <param name="limit">The limit given, or null.</param>
    /// <param name="maxLimit">The largest page.</param>
    public static ValidationProblem? Check(int? offset, int? limit, int maxLimit) =>
        offset is < 0 ? Problems.BadField("offset", "offset must be 0 or more.")
        : limit is < 1 || limit > maxLimit ? Problems.BadField("limit", $"limit must be between 1 and {maxLimit}.")
        : null;

    private static bool TryParse(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
