using Chatbot.Tenants;

namespace Chatbot.Memory;

/// <summary>
/// The string key of an <see cref="IUserMemoryGrain"/>: <c>{tenant}/{user}</c>, the user id escaped so that any JWT
/// subject (which may contain '/') makes a valid key. The tenant is part of the key, so one tenant's users never meet
/// another's.
/// </summary>
public static class UserKey
{
    /// <summary>Longest accepted user id, in characters.</summary>
    public const int MaxUserIdLength = 256;

    /// <summary>Formats the grain key; throws <see cref="ArgumentException"/> for an invalid tenant or user id.</summary>
    public static string Format(string tenantId, string userId)
    {
        if (!TenantId.IsValid(tenantId))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(tenantId));
        }

        if (!IsValidUserId(userId))
        {
            throw new ArgumentException("Invalid user id.", nameof(userId));
        }

        return $"{tenantId}/{Uri.EscapeDataString(userId)}";
    }

    /// <summary>Splits a grain key into tenant and (unescaped) user id.</summary>
    public static (string TenantId, string UserId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a user key.");
        }

        return (key[..slash], Uri.UnescapeDataString(key[(slash + 1)..]));
    }

    /// <summary>True when <paramref name="userId"/> is 1–256 characters without control characters.</summary>
    public static bool IsValidUserId(string? userId) =>
        !string.IsNullOrWhiteSpace(userId) && userId.Length <= MaxUserIdLength && !userId.Any(char.IsControl);
}
