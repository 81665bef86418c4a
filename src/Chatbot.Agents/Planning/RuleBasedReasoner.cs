using System.Globalization;
using System.Text;
using System.Text.Json;
using Chatbot.Agents.Loop;
using Chatbot.Agents.Tools;
using Chatbot.AI.Chat;
using Chatbot.Conversations;
using Chatbot.Tools.Invocation;

namespace Chatbot.Agents.Planning;

/// <summary>
/// The reasoner of the embedded provider: a deterministic planner, not a language model. It splits the task into
/// clauses (<see cref="TaskAnalyzer"/>), plans one tool step per clause (a rate for "compute the refund for 120 EUR" is
/// searched for first when no look-up precedes it), fills each step's arguments from what earlier steps observed (the
/// percentage found in the refund policy), answers by quoting the sources it found and the numbers it computed, and
/// says plainly what it cannot do. Its self-check scores each clause; a look-up without a direct answer is retried once
/// more widely, a rate not found is searched for once by name. Same task, same tools, same knowledge: same run.
/// Stateless and thread-safe.
/// </summary>
public sealed class RuleBasedReasoner : IAgentReasoner
{
    /// <summary>Passages asked for by a first look-up.</summary>
    public const int DefaultTopK = 5;

    /// <summary>Passages asked for by a widened look-up.</summary>
    public const int BroadTopK = 10;

    /// <summary>What the embedded agent can do, for answers about what it cannot.</summary>
    public const string Abilities =
        "the embedded agent (no language model) can search your knowledge bases, compute arithmetic and percentages, read files, " +
        "fetch web pages, check the weather and translate, with the tools this run may use";

    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>True when answering <paramref name="question"/> takes a tool beyond retrieval (arithmetic, a rate, a file, a URL, …).</summary>
    public static bool NeedsTools(string question) =>
        TaskAnalyzer.Analyze(question).Any(i => i.Kind is not (TaskIntentKind.Lookup or TaskIntentKind.Unsupported));

    /// <inheritdoc />
    public ValueTask<ReasonerPlan> PlanAsync(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, CancellationToken cancellationToken)
    {
        var task = memory.Task ?? run.Request.Task;
        var steps = BuildPlan(task, memory.Corrections)
            .Select(s => new AgentPlanStep(s.Index, s.Tool is not null && tools.Find(s.Tool) is null
                ? $"{s.Description} — not possible: the {s.Tool} tool is not available to this run"
                : s.Description, s.Tool))
            .ToList();
        return ValueTask.FromResult(new ReasonerPlan(steps, [], new TokenUsage { InputTokens = TokenEstimator.Count(task) }));
    }

    /// <inheritdoc />
    public ValueTask<ReasonerAction> NextAsync(
        AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, bool mustAnswer, CancellationToken cancellationToken)
    {
        var steps = BuildPlan(memory.Task ?? run.Request.Task, memory.Corrections);
        if (!mustAnswer)
        {
            foreach (var step in steps)
            {
                if (step.Tool is null || tools.Find(step.Tool) is null || memory.Observations.Any(o => o.PlanStep == step.Index)
                    || Arguments(step, memory.Observations, steps) is not { } arguments)
                {
                    continue;
                }

                var call = new AgentToolCallRecord($"{run.RunId}-{memory.Iteration}-{step.Index}", step.Tool, arguments);
                return ValueTask.FromResult(new ReasonerAction([new PlannedCall(call, step.Index)], null, [], TokenUsage.Zero));
            }
        }

        var answer = Compose(steps, memory.Observations, tools);
        var usage = new TokenUsage
        {
            InputTokens = memory.Observations.Sum(o => TokenEstimator.Count(o.Content)),
            OutputTokens = TokenEstimator.Count(answer),
        };
        return ValueTask.FromResult(ReasonerAction.Answered(answer, [], usage));
    }

    /// <inheritdoc />
    public ValueTask<SelfCheck> CheckAsync(AgentRunContext run, AgentWorkingMemory memory, CancellationToken cancellationToken)
    {
        var steps = BuildPlan(memory.Task ?? run.Request.Task, memory.Corrections);
        var findings = new List<string>();
        var corrections = new List<string>();
        var scores = new List<double>();
        foreach (var step in steps.Where(s => !s.Auxiliary))
        {
            var observation = memory.Observations.LastOrDefault(o => o.PlanStep == step.Index);
            var (score, finding, correction) = Score(step, observation, memory.Observations, steps);
            scores.Add(score);
            findings.Add($"Step {step.Index}: {finding}");
            if (correction is not null && !memory.Corrections.Contains(correction, StringComparer.Ordinal))
            {
                corrections.Add(correction);
            }
        }

        var confidence = scores.Count == 0 ? 0 : Math.Round(0.95 * scores.Average(), 4);
        return ValueTask.FromResult(new SelfCheck(confidence, findings, corrections, TokenUsage.Zero));
    }

    /// <summary>One step of the deterministic plan (the same for the same task and corrections, so a resumed run agrees).</summary>
    internal sealed record PlannedStep(int Index, TaskIntent Intent, string Description, string? Tool, string? Query, int TopK, bool Auxiliary);

    internal static IReadOnlyList<PlannedStep> BuildPlan(string task, IReadOnlyList<string> corrections)
    {
        var steps = new List<PlannedStep>();
        foreach (var intent in TaskAnalyzer.Analyze(task))
        {
            switch (intent.Kind)
            {
                case TaskIntentKind.Lookup:
                    var widen = corrections.Contains(WidenCorrection(intent.Argument!), StringComparer.Ordinal);
                    steps.Add(new PlannedStep(steps.Count + 1, intent,
                        widen ? $"Search the knowledge bases again, more widely, for \"{intent.Argument}\"" : $"Search the knowledge bases for \"{intent.Argument}\"",
                        intent.Tool, widen ? task : intent.Argument, widen ? BroadTopK : DefaultTopK, Auxiliary: false));
                    break;
                case TaskIntentKind.ComputeWithRate:
                    var topic = intent.Topic is { Length: > 0 } t ? t : steps.LastOrDefault(s => s.Intent.Kind == TaskIntentKind.Lookup)?.Query ?? intent.Clause;
                    var rateQuery = $"{topic} percentage";
                    var named = corrections.Contains(RateCorrection(rateQuery), StringComparer.Ordinal);
                    if (named || !steps.Any(s => s.Intent.Kind == TaskIntentKind.Lookup))
                    {
                        steps.Add(new PlannedStep(steps.Count + 1, intent with { Kind = TaskIntentKind.Lookup, Argument = rateQuery },
                            $"Search the knowledge bases for the {topic} rate", KnowledgeTool, named ? rateQuery : topic, named ? BroadTopK : DefaultTopK, Auxiliary: true));
                    }

                    steps.Add(new PlannedStep(steps.Count + 1, intent with { Topic = topic },
                        $"Compute the {topic} for {Amount(intent)} with the rate found", intent.Tool, null, 0, Auxiliary: false));
                    break;
                default:
                    steps.Add(new PlannedStep(steps.Count + 1, intent, Describe(intent), intent.Tool, null, 0, Auxiliary: false));
                    break;
            }
        }

        return steps;
    }

    private static string KnowledgeTool => Chatbot.Tools.Knowledge.KnowledgeSearchTool.ToolName;

    private static string WidenCorrection(string query) =>
        $"Search again for \"{query}\" with the whole task as the query and {BroadTopK} passages.";

    private static string RateCorrection(string rateQuery) => $"Search for \"{rateQuery}\" to find the rate.";

    private static string Describe(TaskIntent intent) => intent.Kind switch
    {
        TaskIntentKind.Calculate => $"Compute {intent.Argument}",
        TaskIntentKind.ReadFile => $"Read the file {intent.Argument}",
        TaskIntentKind.ListFiles => $"List the folder {intent.Argument}",
        TaskIntentKind.Fetch => $"Fetch {intent.Argument}",
        TaskIntentKind.Weather => $"Get the weather in {intent.Argument}",
        TaskIntentKind.Translate => $"Translate \"{intent.Argument}\" to {intent.Extra}",
        _ => $"\"{intent.Clause}\" — beyond what {Abilities}",
    };

    private static string Amount(TaskIntent intent) => intent.Extra is { } unit ? $"{intent.Argument} {unit}" : intent.Argument!;

    private static string? Arguments(PlannedStep step, IReadOnlyList<AgentObservation> observations, IReadOnlyList<PlannedStep> steps)
    {
        var intent = step.Intent;
        object? arguments = intent.Kind switch
        {
            TaskIntentKind.Lookup => new Dictionary<string, object> { ["query"] = step.Query!, ["top_k"] = step.TopK },
            TaskIntentKind.Calculate => new Dictionary<string, object> { ["expression"] = intent.Argument! },
            TaskIntentKind.ComputeWithRate => Rate(step, observations, steps) is { } rate
                ? new Dictionary<string, object> { ["expression"] = $"{rate.Rate}% of {intent.Argument}" }
                : null,
            TaskIntentKind.ReadFile => new Dictionary<string, object> { ["operation"] = "read", ["path"] = intent.Argument! },
            TaskIntentKind.ListFiles => new Dictionary<string, object> { ["operation"] = "list", ["path"] = intent.Argument! },
            TaskIntentKind.Fetch => new Dictionary<string, object> { ["url"] = intent.Argument! },
            TaskIntentKind.Weather => new Dictionary<string, object> { ["location"] = intent.Argument! },
            TaskIntentKind.Translate => new Dictionary<string, object> { ["text"] = intent.Argument!, ["target_language"] = intent.Extra! },
            _ => null,
        };
        return arguments is null ? null : JsonSerializer.Serialize(arguments, s_json);
    }

    // The rate for a compute step: the best percentage for its topic among the passages this iteration found.
    private static (string Rate, string Sentence, int N)? Rate(PlannedStep step, IReadOnlyList<AgentObservation> observations, IReadOnlyList<PlannedStep> steps)
    {
        var lookups = steps.Where(s => s.Intent.Kind == TaskIntentKind.Lookup && s.Index < step.Index).Select(s => s.Index).ToHashSet();
        var passages = observations.Where(o => !o.IsError && lookups.Contains(o.PlanStep)).SelectMany(o => PassageSentences.Passages(o.Content)).ToList();
        return PassageSentences.RateFor(step.Intent.Topic ?? "", passages);
    }

    private static string Compose(IReadOnlyList<PlannedStep> steps, IReadOnlyList<AgentObservation> observations, AgentToolbox tools)
    {
        var text = new StringBuilder();
        var unsupported = 0;
        foreach (var step in steps.Where(s => !s.Auxiliary))
        {
            var observation = observations.LastOrDefault(o => o.PlanStep == step.Index);
            if (step.Intent.Kind == TaskIntentKind.Unsupported)
            {
                unsupported++;
            }

            text.Append("- ").Append(Line(step, observation, observations, steps, tools)).Append('\n');
        }

        if (unsupported > 0 && unsupported == steps.Count(s => !s.Auxiliary))
        {
            text.Insert(0, $"I can't do this task: {Abilities}.\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Line(
        PlannedStep step, AgentObservation? observation, IReadOnlyList<AgentObservation> observations, IReadOnlyList<PlannedStep> steps, AgentToolbox tools)
    {
        var intent = step.Intent;
        if (intent.Kind == TaskIntentKind.Unsupported)
        {
            return $"I can't do \"{intent.Clause}\": {Abilities}.";
        }

        if (step.Tool is not null && tools.Find(step.Tool) is null)
        {
            return $"I can't {Lower(step.Description)}: the {step.Tool} tool is not available to this run.";
        }

        if (observation is null)
        {
            return intent.Kind == TaskIntentKind.ComputeWithRate
                ? $"I could not compute the {intent.Topic} for {Amount(intent)}: no percentage for \"{intent.Topic}\" was found in the knowledge bases."
                : $"I did not get to \"{intent.Clause}\".";
        }

        if (observation.IsError)
        {
            return observation.ErrorCode == ToolErrorCodes.Denied
                ? $"I could not {Lower(step.Description)}: {observation.Content}"
                : $"{step.Description} failed ({observation.ErrorCode}): {observation.Content}";
        }

        return intent.Kind switch
        {
            TaskIntentKind.Lookup => PassageSentences.BestAnswer(intent.Argument!, PassageSentences.Passages(observation.Content)) is { } sentence
                ? $"**{Capitalize(intent.Argument!)}:** {sentence}"
                : PassageSentences.Passages(observation.Content).Count > 0
                    ? $"The knowledge bases have passages about \"{intent.Argument}\", but none answers it directly."
                    : $"I found nothing in the knowledge bases about \"{intent.Argument}\".",
            TaskIntentKind.Calculate => $"{intent.Argument} = **{Field(observation.Content, "text")}**",
            TaskIntentKind.ComputeWithRate => ComputedLine(intent, observation, Rate(step, observations, steps)),
            TaskIntentKind.ReadFile => $"Contents of `{intent.Argument}`:\n\n```\n{Field(observation.Content, "content")}\n```",
            TaskIntentKind.ListFiles => $"Entries of `{intent.Argument}`: {Field(observation.Content, "entries")}",
            TaskIntentKind.Fetch => $"{intent.Argument} answered {Field(observation.Content, "status")}: {Snippet(Field(observation.Content, "body"), 500)}",
            TaskIntentKind.Translate => $"Translation to {intent.Extra}: {Field(observation.Content, "translation")}",
            _ => $"{step.Description}: {Snippet(observation.Content, 500)}",
        };
    }

    private static string ComputedLine(TaskIntent intent, AgentObservation observation, (string Rate, string Sentence, int N)? rate)
    {
        var value = Quantities.Display(Field(observation.Content, "text"));
        var unit = intent.Extra is { } u ? " " + u : "";
        var citation = rate is { } r ? $" (rate from [{r.N}]: \"{r.Sentence}\")" : "";
        return $"{Capitalize(intent.Topic!)} for {Amount(intent)}: {rate?.Rate}% of {intent.Argument} = **{value}{unit}**{citation}";
    }

    private static (double Score, string Finding, string? Correction) Score(
        PlannedStep step, AgentObservation? observation, IReadOnlyList<AgentObservation> observations, IReadOnlyList<PlannedStep> steps)
    {
        var intent = step.Intent;
        if (intent.Kind == TaskIntentKind.Unsupported)
        {
            return (0, $"\"{intent.Clause}\" is beyond the embedded agent.", null);
        }

        if (observation is null)
        {
            if (intent.Kind == TaskIntentKind.ComputeWithRate)
            {
                var rateQuery = $"{intent.Topic} percentage";
                return (0, $"no percentage for \"{intent.Topic}\" was found, so nothing was computed.", RateCorrection(rateQuery));
            }

            return (0, $"{step.Tool ?? "no tool"} is not available, so \"{intent.Clause}\" was not done.", null);
        }

        if (observation.IsError)
        {
            return (0, $"{observation.Tool} {(observation.ErrorCode == ToolErrorCodes.Denied ? "was denied" : "failed")}: {observation.Content}", null);
        }

        if (intent.Kind == TaskIntentKind.Lookup)
        {
            var passages = PassageSentences.Passages(observation.Content);
            var answer = PassageSentences.BestAnswer(intent.Argument!, passages);
            var widen = step.TopK == BroadTopK ? null : WidenCorrection(intent.Argument!);
            return answer is not null
                ? (1, $"knowledge_search answered \"{intent.Argument}\": {answer}", null)
                : passages.Count > 0
                    ? (0.5, $"knowledge_search found {passages.Count} passage(s) about \"{intent.Argument}\", none answering it directly.", widen)
                    : (0.2, $"knowledge_search found nothing about \"{intent.Argument}\".", widen);
        }

        return (1, $"{observation.Tool} succeeded: {Snippet(observation.Content, 200)}", null);
    }

    private static string Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
                : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string Snippet(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];
}
