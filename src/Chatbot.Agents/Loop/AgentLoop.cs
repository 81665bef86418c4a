using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.Agents.Tools;
using Chatbot.Conversations;
using Chatbot.Safety.Guards;
using Chatbot.Tools.Invocation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Agents.Loop;

/// <summary>
/// The agent loop: plan → act → observe → reflect, one stored step at a time. Each iteration plans (a <c>plan</c> event),
/// calls tools round by round (a <c>tool_call</c> event per call: parameters, result or error, whether the policy allowed
/// it and why not) until the reasoner answers, then a self-check scores the answer against the task (a <c>reasoning</c>
/// event). Below the run's <c>confidence_threshold</c> it retries with the self-check's corrections, up to
/// <c>max_iterations</c>; then the best answer is the <c>result</c>, and <c>done</c> carries usage and a summary.
/// Guards apply throughout: the task is inspected as input (blocked, sanitised or flagged per the tenant's policy), every
/// tool result as retrieved content, the result as output. The loop holds no state of its own: it continues from
/// whatever <see cref="AgentWorkingMemory"/> it is given, so a run interrupted between steps resumes where it stopped.
/// Thread-safe.
/// </summary>
public sealed partial class AgentLoop(
    IAgentReasoner reasoner,
    AgentToolboxFactory toolboxes,
    ContentGuard guard,
    IOptionsMonitor<AgentsOptions> options,
    IAgentMemory? agentMemory = null,
    ILogger<AgentLoop>? logger = null)
{
    /// <summary>The answer to a task the input guard blocks.</summary>
    public const string RefusalText = "I can't help with that request.";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>
    /// Runs <paramref name="run"/> from <paramref name="memory"/> (a new <see cref="AgentWorkingMemory"/> to start) and
    /// yields each completed step; the last has a terminal event. Cancellation stops between or inside steps with
    /// <see cref="OperationCanceledException"/>; model failures propagate.
    /// </summary>
    public async IAsyncEnumerable<AgentStep> RunAsync(
        AgentRunContext run, AgentWorkingMemory memory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (memory.Phase == AgentPhases.Done)
        {
            yield break;
        }

        var toolbox = await toolboxes.CreateAsync(run.TenantId, run.Request.Tools, run.Request.Has(AgentCapabilities.ToolUse), cancellationToken);
        while (memory.Phase != AgentPhases.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = memory.Phase switch
            {
                AgentPhases.Start => await StartAsync(run, memory, cancellationToken),
                AgentPhases.Plan => await PlanAsync(run, memory, toolbox, cancellationToken),
                AgentPhases.Act => await ActAsync(run, memory, toolbox, cancellationToken),
                AgentPhases.Check => await CheckAsync(run, memory, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown agent phase '{memory.Phase}'."),
            };
            memory = step.Memory;
            yield return step;
        }
    }

    // 1. Guard the task; recall what the user told us before, remember what the task states, read the conversation.
    private async Task<AgentStep> StartAsync(AgentRunContext run, AgentWorkingMemory memory, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var verdict = guard.Inspect(run.TenantId, request.Task, GuardDirection.Input);
        if (verdict.IsBlocked)
        {
            var refused = memory with { Task = request.Task, Iteration = 1, Answer = RefusalText };
            return Finish(run, refused, $"{RefusalText} ({verdict.Reason})", 0, [$"The input guard blocked the task: {verdict.Reason}."]);
        }

        var task = verdict.Text;
        var chain = new List<string>();
        if (verdict.Action == GuardAction.Sanitize)
        {
            chain.Add($"The input guard sanitised the task: {verdict.Reason}.");
        }

        IReadOnlyList<string> recalled = [];
        IReadOnlyList<ChatTurnMessage> history = [];
        if (request.Has(AgentCapabilities.Memory) && agentMemory is not null)
        {
            try
            {
                recalled = await agentMemory.RecallAsync(run.TenantId, request.UserId, task, cancellationToken);
                var facts = FactExtractor.Extract(task);
                if (facts.Count > 0)
                {
                    await agentMemory.RememberAsync(run.TenantId, request.UserId, facts, run.RunId, cancellationToken);
                    chain.Add($"Remembered for later: {string.Join("; ", facts)}.");
                }

                if (request.ConversationId is { } conversation)
                {
                    history = Newest(await agentMemory.RecentMessagesAsync(run.TenantId, conversation, cancellationToken), options.CurrentValue.ShortTermMaxChars);
                    chain.Add($"Read the last {history.Count} messages of conversation {conversation}.");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Memory helps; it is not worth failing the run over.
                LogMemoryFailed(_logger, ex, run.TenantId, run.RunId);
                chain.Add("Memory was unavailable; working from the task alone.");
            }

            if (recalled.Count > 0)
            {
                chain.Insert(0, $"Recalled from your memory: {string.Join("; ", recalled)}.");
            }
        }

        var events = chain.Count > 0 && request.Has(AgentCapabilities.Reasoning)
            ? [new AgentEvent { Type = AgentEventTypes.Reasoning, Iteration = 1, Chain = chain }]
            : Array.Empty<AgentEvent>();
        return new AgentStep(events, memory with { Phase = AgentPhases.Plan, Iteration = 1, Task = task, Recalled = recalled, History = history });
    }

    // 2. Plan the iteration.
    private async Task<AgentStep> PlanAsync(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox toolbox, CancellationToken cancellationToken)
    {
        var plan = await reasoner.PlanAsync(run, memory, toolbox, cancellationToken);
        var events = run.Request.Has(AgentCapabilities.Planning)
            ? [new AgentEvent { Type = AgentEventTypes.Plan, Iteration = memory.Iteration, Steps = plan.Steps }]
            : Array.Empty<AgentEvent>();
        return new AgentStep(events, memory with
        {
            Phase = AgentPhases.Act,
            Plan = plan.Steps,
            Observations = [],
            Transcript = plan.Transcript,
            Answer = null,
            ToolRounds = 0,
            Usage = memory.Usage + plan.Usage,
        });
    }

    // 3. Act and observe: one round of tool calls, or the answer.
    private async Task<AgentStep> ActAsync(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox toolbox, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var mustAnswer = memory.ToolRounds >= settings.MaxToolRoundsPerIteration || toolbox.Tools.Count == 0;
        var action = await reasoner.NextAsync(run, memory, toolbox, mustAnswer, cancellationToken);
        var usage = memory.Usage + action.Usage;
        if (action.Answer is not null || action.Calls.Count == 0 || mustAnswer)
        {
            return new AgentStep([], memory with
            {
                Phase = AgentPhases.Check,
                Answer = action.Answer ?? "",
                Transcript = action.Transcript,
                Usage = usage,
            });
        }

        var events = new List<AgentEvent>();
        var observations = memory.Observations.ToList();
        var transcript = action.Transcript.ToList();
        for (var i = 0; i < action.Calls.Count; i++)
        {
            var (call, planStep) = (action.Calls[i].Call, action.Calls[i].PlanStep);
            var result = i >= settings.MaxToolCallsPerRound
                ? ToolResult.Failure(ToolErrorCodes.Denied,
                    $"Denied by rule 'run.calls_per_round': at most {settings.MaxToolCallsPerRound} tool calls per model turn.")
                : TryParseArguments(call.ArgumentsJson, out var arguments)
                    ? await toolbox.InvokeAsync(call.Tool, arguments, call.CallId, cancellationToken)
                    : ToolResult.Failure(ToolErrorCodes.InvalidArguments, "The arguments are not a JSON object.");
            result = GuardRetrieved(run.TenantId, result);
            events.Add(ToolCallEvent(memory.Iteration, call, result));
            observations.Add(new AgentObservation(call.CallId, call.Tool, call.ArgumentsJson, result.Content, result.ErrorCode, planStep));
            transcript.Add(new AgentTranscriptEntry("tool", result.ToString(), ToolCallId: call.CallId));
        }

        return new AgentStep(events, memory with
        {
            Observations = observations,
            Transcript = transcript,
            ToolRounds = memory.ToolRounds + 1,
            ToolCalls = memory.ToolCalls + action.Calls.Count,
            Usage = usage,
        });
    }

    // 4. Reflect: score the answer; accept it, or retry with corrections while iterations remain.
    private async Task<AgentStep> CheckAsync(AgentRunContext run, AgentWorkingMemory memory, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var check = await reasoner.CheckAsync(run, memory, cancellationToken);
        var confidence = Math.Clamp(check.Confidence, 0, 1);
        var improved = memory.BestAnswer is null || confidence > memory.BestConfidence;
        var checkedMemory = memory with
        {
            Usage = memory.Usage + check.Usage,
            BestAnswer = improved ? memory.Answer : memory.BestAnswer,
            BestConfidence = improved ? confidence : memory.BestConfidence,
            BestObservations = improved ? memory.Observations : memory.BestObservations,
        };

        var chain = new List<string>(check.Findings)
        {
            string.Create(CultureInfo.InvariantCulture, $"Self-check: confidence {confidence:0.00} against the threshold {request.ConfidenceThreshold:0.00}."),
        };
        var retry = confidence < request.ConfidenceThreshold && memory.Iteration < request.MaxIterations && check.Corrections.Count > 0;
        if (retry)
        {
            chain.Add($"Retrying (iteration {memory.Iteration + 1} of at most {request.MaxIterations}) with corrections: {string.Join(" ", check.Corrections)}");
            var events = request.Has(AgentCapabilities.Reasoning)
                ? [new AgentEvent { Type = AgentEventTypes.Reasoning, Iteration = memory.Iteration, Chain = chain }]
                : Array.Empty<AgentEvent>();
            return new AgentStep(events, checkedMemory with
            {
                Phase = AgentPhases.Plan,
                Iteration = memory.Iteration + 1,
                Corrections = check.Corrections,
            });
        }

        if (confidence < request.ConfidenceThreshold)
        {
            chain.Add(check.Corrections.Count == 0
                ? "Below the threshold, and another iteration would not change the outcome; delivering the best answer."
                : $"Below the threshold after {memory.Iteration} iteration(s), the most allowed; delivering the best answer.");
        }

        var best = checkedMemory.BestAnswer ?? "";
        var content = AgentOutputFormatter.Format(best, checkedMemory.BestObservations, request.OutputFormat, checkedMemory.BestConfidence);
        return Finish(run, checkedMemory, content, checkedMemory.BestConfidence, chain);
    }

    private AgentStep Finish(AgentRunContext run, AgentWorkingMemory memory, string content, double confidence, IReadOnlyList<string> chain)
    {
        var request = run.Request;
        var verdict = guard.Inspect(run.TenantId, content, GuardDirection.Output);
        content = verdict.Action switch
        {
            GuardAction.Block => $"[The answer was withheld by the content policy: {verdict.Reason}.]",
            GuardAction.Sanitize => verdict.Text,
            _ => content,
        };

        var events = new List<AgentEvent>();
        if (request.Has(AgentCapabilities.Reasoning))
        {
            events.Add(new AgentEvent { Type = AgentEventTypes.Reasoning, Iteration = memory.Iteration, Chain = chain });
        }

        events.Add(new AgentEvent { Type = AgentEventTypes.Result, Iteration = memory.Iteration, Content = content, Confidence = Math.Round(confidence, 4) });
        events.Add(new AgentEvent
        {
            Type = AgentEventTypes.Done,
            Iteration = memory.Iteration,
            Usage = memory.Usage,
            Summary = new AgentRunOutcome(memory.Iteration, memory.ToolCalls, Math.Round(confidence, 4), confidence >= request.ConfidenceThreshold),
        });
        return new AgentStep(events, memory with { Phase = AgentPhases.Done, Answer = content });
    }

    // The working memory is stored after every step: keep the newest messages that fit the budget.
    private static IReadOnlyList<ChatTurnMessage> Newest(IReadOnlyList<ChatTurnMessage> messages, int maxChars)
    {
        var kept = 0;
        var chars = 0;
        while (kept < messages.Count && chars + messages[messages.Count - 1 - kept].Content.Length <= maxChars)
        {
            chars += messages[messages.Count - 1 - kept].Content.Length;
            kept++;
        }

        return [.. messages.Skip(messages.Count - kept)];
    }

    // Tool results come from outside (documents, web pages, other servers): inspect them as retrieved content.
    private ToolResult GuardRetrieved(string tenantId, ToolResult result)
    {
        if (result.IsError)
        {
            return result;
        }

        var verdict = guard.Inspect(tenantId, result.Content, GuardDirection.Retrieved);
        return verdict.Action switch
        {
            GuardAction.Block => ToolResult.Failure(ToolErrorCodes.Failed, $"The result was withheld by the content policy: {verdict.Reason}."),
            GuardAction.Sanitize => ToolResult.Success(verdict.Text),
            _ => result,
        };
    }

    private static AgentEvent ToolCallEvent(int iteration, AgentToolCallRecord call, ToolResult result)
    {
        var denied = result.ErrorCode == ToolErrorCodes.Denied;
        return new AgentEvent
        {
            Type = AgentEventTypes.ToolCall,
            Iteration = iteration,
            Tool = call.Tool,
            ParamsJson = call.ArgumentsJson,
            ToolResult = result.IsError ? null : result.Content,
            ToolError = result.IsError ? result.Content : null,
            Code = result.ErrorCode,
            Allowed = !denied,
            Reason = denied ? result.Content : null,
        };
    }

    private static bool TryParseArguments(string json, out JsonElement arguments)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            arguments = document.RootElement.Clone();
            return arguments.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            arguments = default;
            return false;
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Agent run {RunId} of tenant {TenantId}: memory unavailable")]
    private static partial void LogMemoryFailed(ILogger logger, Exception exception, string tenantId, string runId);
}
