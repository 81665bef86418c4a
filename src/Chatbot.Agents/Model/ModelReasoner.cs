using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Agents.Loop;
using Chatbot.Agents.Tools;
using Chatbot.Conversations;
using Chatbot.Safety.Context;
using Microsoft.Extensions.AI;

namespace Chatbot.Agents.Model;

/// <summary>
/// The reasoner of a language model with function calling (the <c>openai</c> provider): it asks the model for a
/// numbered plan, then lets it call the run's tools (declared with their JSON schemas; the loop executes the calls
/// through the toolbox, one stored round at a time) until it answers, then asks it to review the answer against the
/// task and the observations as JSON (<c>confidence</c>, <c>issues</c>, <c>corrections</c>). Every call gets a new
/// <see cref="ContextFrame"/>: tool results are wrapped in its markers and the system message says they are data.
/// Thread-safe.
/// </summary>
public sealed partial class ModelReasoner(IChatClient chatClient, ContextDelimiter delimiter) : IAgentReasoner
{
    /// <inheritdoc />
    public async ValueTask<ReasonerPlan> PlanAsync(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, CancellationToken cancellationToken)
    {
        var frame = delimiter.BeginTurn();
        var task = new AgentTranscriptEntry(TranscriptMapper.User, ModelPrompts.Task(memory, memory.Task ?? run.Request.Task));
        var messages = Prefix(run, memory, tools, frame)
            .Concat(TranscriptMapper.ToMessages([task], frame))
            .Append(new ChatMessage(ChatRole.User, ModelPrompts.PlanRequest))
            .ToList();
        var response = await chatClient.GetResponseAsync(messages, Options(run), cancellationToken);
        var steps = ParsePlan(response.Text, tools);
        return new ReasonerPlan(steps, [task, new AgentTranscriptEntry(TranscriptMapper.Assistant, response.Text)], Usage(response));
    }

    /// <inheritdoc />
    public async ValueTask<ReasonerAction> NextAsync(
        AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, bool mustAnswer, CancellationToken cancellationToken)
    {
        var frame = delimiter.BeginTurn();
        var messages = Prefix(run, memory, tools, frame).Concat(TranscriptMapper.ToMessages(memory.Transcript, frame)).ToList();
        var options = Options(run);
        if (mustAnswer)
        {
            messages.Add(new ChatMessage(ChatRole.User, ModelPrompts.AnswerNow));
        }
        else
        {
            if (memory.Transcript is [.., { Role: TranscriptMapper.Assistant, ToolCalls: null or [] }])
            {
                messages.Add(new ChatMessage(ChatRole.User, ModelPrompts.Proceed));
            }

            options.Tools = [.. tools.Tools.Where(t => t.Allowed).Select(t => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.Schema))];
            options.ToolMode = ChatToolMode.Auto;
            options.AllowMultipleToolCalls = true;
        }

        // The nudges are prompt devices, not part of the stored transcript.
        var response = await chatClient.GetResponseAsync(messages, options, cancellationToken);
        var entry = TranscriptMapper.FromResponse(response);
        var transcript = memory.Transcript.Append(entry).ToList();
        var calls = mustAnswer ? [] : entry.ToolCalls ?? [];
        return calls.Count == 0
            ? ReasonerAction.Answered(response.Text, transcript, Usage(response))
            : new ReasonerAction([.. calls.Select(c => new PlannedCall(c, PlanStepOf(memory.Plan, c.Tool)))], null, transcript, Usage(response));
    }

    /// <inheritdoc />
    public async ValueTask<SelfCheck> CheckAsync(AgentRunContext run, AgentWorkingMemory memory, CancellationToken cancellationToken)
    {
        var frame = delimiter.BeginTurn();
        ChatMessage[] messages =
        [
            new(ChatRole.System, ModelPrompts.CheckSystem),
            new(ChatRole.User, ModelPrompts.Check(memory.Task ?? run.Request.Task, memory.Answer ?? "", memory.Observations, frame)),
        ];
        var response = await chatClient.GetResponseAsync(messages, Options(run), cancellationToken);
        return ParseCheck(response.Text, Usage(response));
    }

    /// <summary>The self-check in a model's reply: the first JSON object in it; a reply without one scores 0.5 with no corrections.</summary>
    public static SelfCheck ParseCheck(string reply, TokenUsage usage)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            try
            {
                using var document = JsonDocument.Parse(reply.AsMemory(start, end - start + 1));
                var root = document.RootElement;
                var confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble()
                    : c.ValueKind == JsonValueKind.String && double.TryParse(c.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : 0.5;
                return new SelfCheck(Math.Clamp(confidence, 0, 1), Strings(root, "issues"), Strings(root, "corrections"), usage);
            }
            catch (JsonException)
            {
                // Fall through: the reply is judged unreadable below.
            }
        }

        return new SelfCheck(0.5, [$"The self-check reply was not JSON: {(reply.Length <= 200 ? reply : reply[..200] + "…")}"], [], usage);
    }

    /// <summary>The numbered (or bulleted) lines of a plan reply as steps, each with the first run tool it names.</summary>
    public static IReadOnlyList<AgentPlanStep> ParsePlan(string reply, AgentToolbox tools)
    {
        var lines = PlanLine().Matches(reply).Select(m => m.Groups["step"].Value.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 && reply.Trim().Length > 0)
        {
            lines.Add(reply.Trim());
        }

        return [.. lines.Select((line, i) => new AgentPlanStep(i + 1, line,
            tools.Tools.Select(t => t.Name).FirstOrDefault(name => Regex.IsMatch(line, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])"))))];
    }

    private static IEnumerable<ChatMessage> Prefix(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, ContextFrame frame) =>
        new[] { new ChatMessage(ChatRole.System, ModelPrompts.System(memory, tools, run.Request.OutputFormat, frame)) }
            .Concat(TranscriptMapper.ToMessages(memory.History));

    private static ChatOptions Options(AgentRunContext run) => new()
    {
        AdditionalProperties = Chatbot.AI.Chat.TurnContext.Properties(run.TenantId, source: run.RunId),
    };

    private static int PlanStepOf(IReadOnlyList<AgentPlanStep> plan, string tool) => plan.FirstOrDefault(s => s.Tool == tool)?.Index ?? 0;

    private static IReadOnlyList<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)]
            : [];

    private static TokenUsage Usage(ChatResponse response) => new()
    {
        InputTokens = response.Usage?.InputTokenCount ?? 0,
        OutputTokens = response.Usage?.OutputTokenCount ?? 0,
    };

    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-*•])\s+(?<step>.+)$", RegexOptions.Multiline)]
    private static partial Regex PlanLine();
}
