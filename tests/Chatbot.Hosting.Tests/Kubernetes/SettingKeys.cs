using System.Reflection;
using Chatbot.AI.Chat;
using Chatbot.AI.Conversations;
using Chatbot.AI.Inference;
using Chatbot.Gateway;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.RateLimiting;
using Chatbot.Hosting.Dashboard;
using Chatbot.Hosting.Telemetry;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Embeddings;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>Whether a configuration key names a property some options class of the platform binds.</summary>
internal static class SettingKeys
{
    // Every options class bound from the Chatbot section, by its section; nested classes are walked through.
    private static readonly IReadOnlyList<(string Section, Type Options)> Sections =
    [
        (ChatbotHostingOptions.SectionName, typeof(ChatbotHostingOptions)),
        (GatewayOptions.SectionName, typeof(GatewayOptions)),
        (AuthOptions.SectionName, typeof(AuthOptions)),
        (RateLimitOptions.SectionName, typeof(RateLimitOptions)),
        (ChatModelOptions.SectionName, typeof(ChatModelOptions)),
        (ConversationOptions.SectionName, typeof(ConversationOptions)),
        (KnowledgeOptions.SectionName, typeof(KnowledgeOptions)),
        (EmbeddingOptions.SectionName, typeof(EmbeddingOptions)),
        (InferenceOptions.SectionName, typeof(InferenceOptions)),
        (ChatbotDashboardOptions.SectionName, typeof(ChatbotDashboardOptions)),
        (ChatbotTelemetryOptions.SectionName, typeof(ChatbotTelemetryOptions)),
    ];

    /// <summary>The configuration key an environment variable sets (<c>Chatbot__A__B</c> → <c>Chatbot:A:B</c>).</summary>
    public static string FromEnvironmentVariable(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>True when <paramref name="key"/> (<c>Chatbot:A:B</c>) ends at a settable scalar property of an options class.</summary>
    public static bool Exists(string key) => Sections
        .OrderByDescending(s => s.Section.Length)
        .Where(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase))
        .Any(s => Resolves(s.Options, key[(s.Section.Length + 1)..].Split(':')));

    private static bool Resolves(Type type, string[] path)
    {
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            return false;
        }

        return path.Length == 1
            ? property.CanWrite && IsScalar(property.PropertyType)
            : !IsScalar(property.PropertyType) && Resolves(property.PropertyType, path[1..]);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);
    }
}
