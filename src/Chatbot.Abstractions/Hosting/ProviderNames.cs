namespace Chatbot.Hosting;

/// <summary>Names of the Orleans providers the platform registers; one place so silo, client and tests agree.</summary>
public static class ProviderNames
{
    /// <summary>Grain storage holding conversation, tenant and knowledge-base grain state.</summary>
    public const string GrainState = "chatbot";

    /// <summary>Stream provider for fan-out notifications (reserved for later features).</summary>
    public const string Streams = "chatbot-streams";
}
