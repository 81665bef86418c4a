using Chatbot.Safety.Chat;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Chat;

/// <summary>
/// Who a model call is for, carried in <see cref="ChatOptions.AdditionalProperties"/> so that the middleware of the
/// chat pipeline (guards, memory, tools) can apply the tenant's policies and the user's memory. The grain that owns the
/// turn sets it; middleware reads it.
/// </summary>
public static class TurnContext
{
    /// <summary>Key of the tenant id (the same key the safety library's guarded client reads).</summary>
    public const string TenantIdKey = GuardedChatClient.TenantIdProperty;

    /// <summary>Key of the user id.</summary>
    public const string UserIdKey = "chatbot.user_id";

    /// <summary>Key of the conversation (or run) id the call belongs to, for logs and memory sources.</summary>
    public const string SourceKey = "chatbot.source";

    /// <summary>Properties naming <paramref name="tenantId"/>, and <paramref name="userId"/> and <paramref name="source"/> when known.</summary>
    public static AdditionalPropertiesDictionary Properties(string tenantId, string? userId = null, string? source = null)
    {
        var properties = new AdditionalPropertiesDictionary { [TenantIdKey] = tenantId };
        if (userId is not null)
        {
            properties[UserIdKey] = userId;
        }

        if (source is not null)
        {
            properties[SourceKey] = source;
        }

        return properties;
    }

    /// <summary>The tenant of <paramref name="options"/>, or null.</summary>
    public static string? TenantOf(ChatOptions? options) => Read(options, TenantIdKey);

    /// <summary>The user of <paramref name="options"/>, or null.</summary>
    public static string? UserOf(ChatOptions? options) => Read(options, UserIdKey);

    /// <summary>The conversation or run of <paramref name="options"/>, or null.</summary>
    public static string? SourceOf(ChatOptions? options) => Read(options, SourceKey);

    private static string? Read(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true && value is string text && text.Length > 0 ? text : null;
}
