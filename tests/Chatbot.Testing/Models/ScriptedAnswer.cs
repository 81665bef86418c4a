namespace Chatbot.Testing.Models;

/// <summary>
/// How <see cref="ScriptedChatClient"/> answers one question: the pieces it streams, and optionally a point where it
/// pauses until the test releases it, or fails.
/// </summary>
public sealed class ScriptedAnswer
{
    /// <summary>Answer pieces, streamed in order.</summary>
    public required IReadOnlyList<string> Pieces { get; init; }

    /// <summary>After streaming this many pieces, wait for <see cref="Release"/> (null: never pause).</summary>
    public int? PauseAfter { get; init; }

    /// <summary>After streaming this many pieces, throw <see cref="Failure"/> (null: never fail).</summary>
    public int? FailAfter { get; init; }

    /// <summary>The exception thrown at <see cref="FailAfter"/>.</summary>
    public Exception Failure { get; init; } = new HttpRequestException("The model endpoint closed the connection.");

    /// <summary>Completed when the client reaches the pause point.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete it to let a paused answer continue.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times this answer was requested.</summary>
    public int Calls => _calls;

    internal int _calls;

    /// <summary>The concatenated answer text.</summary>
    public string Text => string.Concat(Pieces);

    /// <summary>An answer of the given words, each followed by a space except the last.</summary>
    public static ScriptedAnswer Words(string text, int? pauseAfter = null, int? failAfter = null)
    {
        var words = text.Split(' ');
        return new ScriptedAnswer
        {
            Pieces = words.Select((w, i) => i < words.Length - 1 ? w + " " : w).ToArray(),
            PauseAfter = pauseAfter,
            FailAfter = failAfter,
        };
    }
}
