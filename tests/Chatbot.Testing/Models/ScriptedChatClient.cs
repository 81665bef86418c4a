using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Chatbot.Testing.Models;

/// <summary>
/// A model for tests: answers each question with the <see cref="ScriptedAnswer"/> registered for it (by the exact text
/// of the last user message), otherwise with <c>"Answer to: {question}"</c>. Records every prompt it receives.
/// Safe to share between tests that use different questions.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentDictionary<string, ScriptedAnswer> _answers = new(StringComparer.Ordinal);

    /// <summary>Every prompt received, in arrival order.</summary>
    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Prompts { get; } = new();

    /// <summary>Registers the answer to <paramref name="question"/> and returns it.</summary>
    public ScriptedAnswer Script(string question, ScriptedAnswer answer)
    {
        _answers[question] = answer;
        return answer;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = messages.ToList();
        Prompts.Enqueue(prompt);
        var question = prompt.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var answer = _answers.TryGetValue(question, out var scripted) ? scripted : ScriptedAnswer.Words("Answer to: " + question);
        Interlocked.Increment(ref answer._calls);

        for (var i = 0; i < answer.Pieces.Count; i++)
        {
            if (answer.PauseAfter == i)
            {
                answer.Paused.TrySetResult();
                await answer.Release.Task.WaitAsync(cancellationToken);
            }

            if (answer.FailAfter == i)
            {
                throw answer.Failure;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, answer.Pieces[i]);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant,
            [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = answer.Pieces.Count, TotalTokenCount = 7 + answer.Pieces.Count })]);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
