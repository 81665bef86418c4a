using Chatbot.Testing.FakeOpenAI;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Gateway settings for the <c>openai</c> provider pointed at a fake OpenAI-compatible server.</summary>
internal static class OpenAIAgentSettings
{
    public static Dictionary<string, string> For(FakeOpenAIServer server, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Chatbot:Model:Provider"] = "openai",
            ["Chatbot:Model:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
            ["Chatbot:Model:OpenAI:Model"] = "fake-model",
            ["Chatbot:Model:OpenAI:RetryDelayMilliseconds"] = "0",
            ["Chatbot:Model:OpenAI:MaxRetries"] = "0",
            // The agent tests script the model's replies one by one; a community summary written by the model after an
            // upload (ModelCommunitySummaryTests covers those) would take one of them.
            ["Chatbot:Knowledge:Graph:Summaries:UseModel"] = "false",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A self-check reply of the fake model.</summary>
    public static FakeReply Check(double confidence, params string[] corrections) => FakeReply.Text(
        System.Text.Json.JsonSerializer.Serialize(new { confidence, issues = corrections, corrections }));
}
