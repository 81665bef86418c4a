using System.Globalization;
using System.Text;
using Chatbot.Safety.Context;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Grounding;

/// <summary>
/// How retrieved sources travel to the model: as a numbered system message every provider reads (so an OpenAI-compatible
/// model can cite them), and as structured <see cref="ChatOptions.AdditionalProperties"/> for providers that work on the
/// passages themselves (the embedded extractive answerer). Passages are data, never instructions: each is wrapped in the
/// turn's <see cref="ContextFrame"/> markers (a per-turn nonce a document cannot forge) and the message opens with the
/// frame's instructions to treat them as data. Knowledge-graph paths (<see cref="GroundingPath"/>) travel the same two
/// ways, after the sources they cite. A provider that could not answer from the sources marks its last update with
/// <see cref="UnansweredKey"/>.
/// </summary>
public static class GroundingContext
{
    /// <summary>Key of the <see cref="GroundingSource"/> list in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string SourcesKey = "chatbot.sources";

    /// <summary>Key of the <see cref="GroundingPath"/> list in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string PathsKey = "chatbot.paths";

    /// <summary>Key a provider sets (true) in a response update's additional properties when the sources did not answer the question.</summary>
    public const string UnansweredKey = "chatbot.unanswered";

    /// <summary>Key set (true) in the additional properties of the system message that carries the sources.</summary>
    public const string SourcesMessageKey = "chatbot.sources_message";

    // Immutable: it holds only the nonce factory (the system's cryptographic generator).
    private static readonly ContextDelimiter s_delimiter = new();

    /// <summary>
    /// Adds <paramref name="sources"/> (and the graph <paramref name="paths"/> through them, if any) to the prompt, before
    /// the question, and to <paramref name="options"/>, in a new frame.
    /// </summary>
    public static void Attach(
        List<ChatMessage> prompt, ChatOptions options, IReadOnlyList<GroundingSource> sources, IReadOnlyList<GroundingPath>? paths = null) =>
        Attach(prompt, options, sources, s_delimiter.BeginTurn(), paths);

    /// <summary>
    /// Adds <paramref name="sources"/> (and the graph <paramref name="paths"/> through them, if any) to the prompt, before
    /// the question, and to <paramref name="options"/>, wrapped in <paramref name="frame"/>.
    /// </summary>
    public static void Attach(
        List<ChatMessage> prompt, ChatOptions options, IReadOnlyList<GroundingSource> sources, ContextFrame frame, IReadOnlyList<GroundingPath>? paths = null)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var text = new StringBuilder(frame.Instructions)
            .Append("\n\nSources (cite the ones you use as [n]; if they do not contain the answer, say you do not know):\n");
        foreach (var s in sources)
        {
            var label = s.Section.Length > 0 ? $"{s.Title} — {s.Section}" : s.Title;
            text.Append(CultureInfo.InvariantCulture, $"[{s.Index}] {label}\n").Append(frame.Wrap(s.Text, label)).Append("\n\n");
        }

        if (paths is { Count: > 0 })
        {
            text.Append("Knowledge graph paths from the question's entities to candidate answers (each step cites its source):\n");
            foreach (var path in paths)
            {
                text.Append("- ").Append(path.Text).Append(": ")
                    .AppendJoin("; ", path.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Phrase} [{s.SourceIndex}]")))
                    .Append('\n');
            }

            (options.AdditionalProperties ??= [])[PathsKey] = paths;
        }

        var message = new ChatMessage(ChatRole.System, text.ToString().TrimEnd())
        {
            AdditionalProperties = new() { [SourcesMessageKey] = true },
        };
        prompt.Insert(Math.Max(0, prompt.Count - 1), message);
        (options.AdditionalProperties ??= [])[SourcesKey] = sources;
    }

    /// <summary>
    /// Replaces the sources of a prompt built by <c>Attach</c> (for example with guarded passages): the old sources
    /// message is removed and <paramref name="sources"/> attached in a new frame, with the graph paths it carried. With no
    /// sources left, the prompt carries none.
    /// </summary>
    public static void Replace(List<ChatMessage> prompt, ChatOptions options, IReadOnlyList<GroundingSource> sources)
    {
        var paths = PathsOf(options);
        prompt.RemoveAll(m => m.AdditionalProperties?.ContainsKey(SourcesMessageKey) == true);
        options.AdditionalProperties?.Remove(SourcesKey);
        options.AdditionalProperties?.Remove(PathsKey);
        Attach(prompt, options, sources, paths);
    }

    /// <summary>The graph paths attached to <paramref name="options"/>, if any.</summary>
    public static IReadOnlyList<GroundingPath> PathsOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PathsKey, out var value) == true && value is IReadOnlyList<GroundingPath> paths
            ? paths
            : [];

    /// <summary>The sources attached to <paramref name="options"/>, if any.</summary>
    public static IReadOnlyList<GroundingSource> SourcesOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(SourcesKey, out var value) == true && value is IReadOnlyList<GroundingSource> sources
            ? sources
            : [];

    /// <summary>True when <paramref name="update"/> says the sources did not answer the question.</summary>
    public static bool IsUnanswered(ChatResponseUpdate update) =>
        update.AdditionalProperties?.TryGetValue(UnansweredKey, out var value) == true && value is true;

    /// <summary>The citation numbers <c>[n]</c> that appear in <paramref name="answer"/>.</summary>
    public static IReadOnlySet<int> CitedIndexes(string answer)
    {
        var cited = new HashSet<int>();
        for (var i = answer.IndexOf('[', StringComparison.Ordinal); i >= 0; i = answer.IndexOf('[', i + 1))
        {
            var end = answer.IndexOf(']', i + 1);
            if (end > i + 1 && end - i <= 4 && int.TryParse(answer.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                cited.Add(n);
            }
        }

        return cited;
    }
}
