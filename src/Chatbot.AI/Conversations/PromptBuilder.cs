using Chatbot.Conversations;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Conversations;

/// <summary>Builds the messages sent to the model for a turn: system instructions, a bounded window of history, the new question.</summary>
public static class PromptBuilder
{
    /// <summary>
    /// The prompt for <paramref name="question"/>: <paramref name="systemPrompt"/> (when not empty), then the last
    /// <paramref name="contextMessages"/> messages of <paramref name="history"/>, then the question as a user message.
    /// Incomplete answers in the history are left out so the model is not shown text that stopped mid-sentence.
    /// </summary>
    public static List<ChatMessage> Build(
        string? systemPrompt, IReadOnlyList<ChatTurnMessage> history, int contextMessages, string question)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contextMessages, 0);
        var prompt = new List<ChatMessage>(Math.Min(history.Count, contextMessages) + 2);
        if (!string.IsNullOrWhiteSpace(systemPrompt))
        {
            prompt.Add(new ChatMessage(ChatRole.System, systemPrompt));
        }

        var first = Math.Max(0, history.Count - contextMessages);
        for (var i = first; i < history.Count; i++)
        {
            prompt.Add(new ChatMessage(ToRole(history[i].Role), history[i].Content));
        }

        prompt.Add(new ChatMessage(ChatRole.User, question));
        return prompt;
    }

    /// <summary>The stored history as prompt messages, without incomplete answers.</summary>
    public static List<ChatTurnMessage> FromStored(IEnumerable<StoredMessage> messages) =>
        messages.Where(m => m.Status == MessageStatus.Complete).Select(m => new ChatTurnMessage(m.Role, m.Content)).ToList();

    private static ChatRole ToRole(string role) => role switch
    {
        ChatRoles.Assistant => ChatRole.Assistant,
        ChatRoles.System => ChatRole.System,
        _ => ChatRole.User,
    };
}
