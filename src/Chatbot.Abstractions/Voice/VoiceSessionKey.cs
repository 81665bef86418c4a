using Chatbot.Conversations;
using Chatbot.Tenants;

namespace Chatbot.Voice;

/// <summary>
/// The string key of a <see cref="IVoiceSessionGrain"/>: <c>{tenant}/{sessionId}</c>. The tenant is always part of the
/// key, and the session's conversation is in the same tenant.
/// </summary>
public static class VoiceSessionKey
{
    /// <summary>Formats the grain key of a tenant's session.</summary>
    /// <exception cref="ArgumentException">The tenant or session id is not valid.</exception>
    public static string Format(string tenantId, string sessionId)
    {
        if (!TenantId.IsValid(tenantId))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(tenantId));
        }

        if (!ConversationKey.IsValidId(sessionId))
        {
            throw new ArgumentException("Invalid session id.", nameof(sessionId));
        }

        return $"{tenantId}/{sessionId}";
    }

    /// <summary>Splits a grain key into tenant and session id.</summary>
    public static (string TenantId, string SessionId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a voice session key.");
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
