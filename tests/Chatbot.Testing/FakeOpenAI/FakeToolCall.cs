namespace Chatbot.Testing.FakeOpenAI;

/// <summary>A function call in a scripted reply.</summary>
/// <param name="Id">The call id (<c>call_…</c>).</param>
/// <param name="Name">The function (tool) name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object text.</param>
public sealed record FakeToolCall(string Id, string Name, string ArgumentsJson);
