using Chatbot.Tenants;

namespace Chatbot.Conversations;

/// <summary>
/// The string key of a <see cref="IConversationGrain"/>: <c>{tenant}/{conversationId}</c>. The tenant is always part of
/// the key, so a caller can only address conversations of the tenant it was authenticated for.
/// </summary>
public static class ConversationKey
{
    /// <summary>Longest accepted conversation id, in characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Formats the grain key for a tenant's conversation.</summary>
    /// <exception cref="ArgumentException">The tenant or conversation id is not valid.</exception>
    public static string Format(string tenantId, string conversationId)
    {
        if (!TenantId.IsValid(tenantId))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(tenantId));
        }

        if (!IsValidId(conversationId))
        {
            throw new ArgumentException("Invalid conversation id.", nameof(conversationId));
        }

        return $"{tenantId}/{conversationId}";
    }

    /// <summary>Splits a grain key into tenant and conversation id.</summary>
    public static (string TenantId, string ConversationId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a conversation key.");
        }

        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>True when <paramref name="id"/> is 1–128 printable characters without '/' or control characters.</summary>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c == '/' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
