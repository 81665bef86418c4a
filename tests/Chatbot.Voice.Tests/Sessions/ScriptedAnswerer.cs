using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Chatbot.Voice.Sessions;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>
/// An answerer for pipeline tests: answers each question with the scripted text for it (word by word), otherwise
/// "You asked: {question}. That is all.". Records questions and stops.
/// </summary>
internal sealed class ScriptedAnswerer : IVoiceAnswerer
{
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string TurnId, string Question)> Questions { get; } = new();

    public ConcurrentQueue<string> Stopped { get; } = new();

    /// <summary>After streaming this many words of the first answer, wait for <see cref="Release"/> (null: never pause).</summary>
    public int? PauseAfter { get; init; }

    /// <summary>Completed when the answer reaches the pause.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete it to let a paused answer go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when the pipeline stops listening to an answer before its end.</summary>
    public TaskCompletionSource Abandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Thrown instead of answering, when set.</summary>
    public VoiceAnswerException? Refusal { get; set; }

    public void Script(string question, string answer) => _answers[question] = answer;

    public async IAsyncEnumerable<string> AnswerAsync(string turnId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Questions.Enqueue((turnId, question));
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        var text = _answers.TryGetValue(question, out var scripted) ? scripted : $"You asked: {question}. That is all.";
        var words = text.Split(' ');
        using var abandoned = cancellationToken.Register(() => Abandoned.TrySetResult());
        for (var i = 0; i < words.Length; i++)
        {
            if (i == PauseAfter && Paused.TrySetResult())
            {
                Paused.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i < words.Length - 1 ? words[i] + " " : words[i];
        }
    }

    public Task StopAsync(string turnId, CancellationToken cancellationToken)
    {
        Stopped.Enqueue(turnId);
        return Task.CompletedTask;
    }
}
