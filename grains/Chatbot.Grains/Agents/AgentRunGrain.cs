using System.Runtime.CompilerServices;
using Chatbot.Agents;
using Chatbot.Agents.Hosting;
using Chatbot.Agents.Loop;
using Chatbot.AI.Chat;
using Chatbot.Hosting;
using Chatbot.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Chatbot.Grains.Agents;

/// <summary>
/// Owns one agent run: its request, its events and its working memory. The <see cref="AgentLoop"/> does the work; this
/// grain stores every completed step (events and memory together) before publishing its events, so readers never see
/// an event that could be lost. A run cut short by a dying silo resumes from its last stored step when the grain is
/// next activated on a surviving silo (by a reader, or by the run's reminder), and the step that was in flight runs
/// again: events are neither lost nor repeated, though a tool call of that step may be made twice. Reentrant so that
/// readers and cancellation are served while the loop works.
/// </summary>
[Reentrant]
public sealed partial class AgentRunGrain(
    [PersistentState("agent-run", ProviderNames.GrainState)] IPersistentState<AgentRunState> state,
    AgentLoop loop,
    IOptions<AgentsOptions> options,
    TimeProvider timeProvider,
    ILogger<AgentRunGrain> logger) : Grain, IAgentRunGrain, IRemindable
{
    private const string ReminderName = "agent-run";

    private readonly CancellationTokenSource _deactivating = new();
    private AgentEventLog _log = new([]);
    private CancellationTokenSource? _cancel;
    private Task? _loop;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new AgentEventLog(state.State.Events);
        if (state.State.Status == AgentRunStatus.Running)
        {
            LogResuming(logger, Key, state.State.Memory.Phase, _log.LastSeq);
            StartLoop();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A running run stays Running in storage: the next activation (or the reminder) resumes it.
        await _deactivating.CancelAsync();
        if (_loop is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogDeactivatedMidStep(logger, Key);
            }
        }
    }

    public async Task<AgentRunStartOutcome> StartAsync(AgentRunRequest request, CancellationToken cancellationToken = default)
    {
        if (state.State.Request is { } existing)
        {
            if (existing.UserId != request.UserId)
            {
                return AgentRunStartOutcome.Forbidden;
            }

            if (state.State.Status == AgentRunStatus.Running)
            {
                StartLoop();
            }

            return AgentRunStartOutcome.Existing;
        }

        // 1. Claim the id before the first await: a concurrent start of the same run sees it taken.
        var now = timeProvider.GetUtcNow();
        state.State = new AgentRunState { Request = request, Status = AgentRunStatus.Running, CreatedAt = now, UpdatedAt = now };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new AgentRunState();
            throw;
        }

        // 2. The loop starts; the reminder brings the run back if the silo running it dies.
        StartLoop();
        try
        {
            var period = options.Value.RunReminderPeriod;
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
        }
        catch (Exception ex)
        {
            // The run goes on; only its automatic return after a silo failure waits for the next reader instead.
            LogReminderFailed(logger, ex, Key);
        }

        await RecordEpisodeAsync();
        return AgentRunStartOutcome.Started;
    }

    public async IAsyncEnumerable<AgentEvent> StreamEventsAsync(
        string userId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (state.State.Request?.UserId != userId)
        {
            yield break;
        }

        await foreach (var e in _log.ReadAsync(afterSeq, cancellationToken))
        {
            yield return e;
        }
    }

    public Task<AgentRunSnapshot?> GetAsync(string userId)
    {
        var s = state.State;
        if (s.Request is not { } request || request.UserId != userId)
        {
            return Task.FromResult<AgentRunSnapshot?>(null);
        }

        var result = s.Events.LastOrDefault(e => e.Type == AgentEventTypes.Result);
        return Task.FromResult<AgentRunSnapshot?>(new AgentRunSnapshot
        {
            RunId = AgentRunKey.Parse(Key).RunId,
            Request = request,
            Status = s.Status,
            Result = result?.Content,
            Confidence = result?.Confidence,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            Events = [.. s.Events],
        });
    }

    public Task<bool> CancelAsync(string userId)
    {
        if (state.State.Request?.UserId != userId || state.State.Status != AgentRunStatus.Running || _cancel is null)
        {
            return Task.FromResult(false);
        }

        _cancel.Cancel();
        return Task.FromResult(true);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already resumed a running run; a finished one no longer needs waking.
        if (state.State.Status == AgentRunStatus.Running)
        {
            StartLoop();
            return Task.CompletedTask;
        }

        return UnregisterReminderAsync();
    }

    private void StartLoop()
    {
        if (_loop is { IsCompleted: false })
        {
            return;
        }

        _cancel = new CancellationTokenSource();
        _loop = RunLoopAsync(_cancel);
    }

    private async Task RunLoopAsync(CancellationTokenSource cancel)
    {
        var (tenant, runId) = AgentRunKey.Parse(Key);
        var run = new AgentRunContext(tenant, runId, state.State.Request!);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, _deactivating.Token);
        try
        {
            // 1. Each step: store events and memory together, then publish the events.
            await foreach (var step in loop.RunAsync(run, state.State.Memory, stopping.Token))
            {
                await StoreAsync(step.Events, step.Memory, step.IsFinal ? AgentRunStatus.Completed : AgentRunStatus.Running);
            }
        }
        catch (OperationCanceledException) when (_deactivating.IsCancellationRequested)
        {
            // The silo is shutting the grain down: the run resumes from its last stored step elsewhere.
            return;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await TryFailAsync(AgentRunStatus.Cancelled, "cancelled", "The run was cancelled.");
        }
        catch (RunStorageException ex)
        {
            // The step could not be stored: tell the readers, and let a fresh activation resume from storage.
            LogRunFailed(logger, ex.InnerException!, Key, "storage_error");
            if (!_log.IsCompleted)
            {
                _log.Publish(_log.Number([new AgentEvent
                {
                    Type = AgentEventTypes.Error, Code = "storage_error", Message = "The run's progress could not be saved; it resumes later.",
                }]));
            }

            DeactivateOnIdle();
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (code, message) = Describe(ex);
            LogRunFailed(logger, ex, Key, code);
            await TryFailAsync(AgentRunStatus.Failed, code, message);
        }

        if (state.State.Status != AgentRunStatus.Running)
        {
            await UnregisterReminderAsync();
            await RecordEpisodeAsync();
            LogRunFinished(logger, Key, state.State.Status, state.State.Memory.Iteration, state.State.Memory.ToolCalls);
        }
    }

    // Build the new state, write it, then publish. A failed write restores the previous state and throws.
    private async Task StoreAsync(IReadOnlyList<AgentEvent> templates, AgentWorkingMemory memory, AgentRunStatus status)
    {
        var numbered = _log.Number(templates);
        var previous = state.State;
        state.State = new AgentRunState
        {
            Request = previous.Request,
            Status = status,
            Events = [.. previous.Events, .. numbered],
            Memory = memory,
            CreatedAt = previous.CreatedAt,
            UpdatedAt = timeProvider.GetUtcNow(),
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = previous;
            throw new RunStorageException(ex);
        }

        _log.Publish(numbered);
    }

    // Model failures keep the chat's codes (model_error, model_timeout); anything else is the agent's own failure.
    private static (string Code, string Message) Describe(Exception exception) =>
        exception is TimeoutException or HttpRequestException or IOException
            || exception.GetType().Namespace?.StartsWith("System.ClientModel", StringComparison.Ordinal) == true
            || exception.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true
            ? ModelErrors.Describe(exception)
            : ("agent_error", "The run failed.");

    private async Task TryFailAsync(AgentRunStatus status, string code, string message)
    {
        try
        {
            await StoreAsync([new AgentEvent { Type = AgentEventTypes.Error, Iteration = state.State.Memory.Iteration, Code = code, Message = message }],
                state.State.Memory with { Phase = AgentPhases.Done }, status);
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, ex, Key, "storage_error");
            DeactivateOnIdle();
        }
    }

    private async Task RecordEpisodeAsync()
    {
        var s = state.State;
        var result = s.Events.LastOrDefault(e => e.Type == AgentEventTypes.Result);
        var (tenant, runId) = AgentRunKey.Parse(Key);
        try
        {
            await GrainFactory.GetGrain<IUserMemoryGrain>(UserKey.Format(tenant, s.Request!.UserId)).RecordEpisodeAsync(new AgentRunSummary
            {
                RunId = runId,
                Task = s.Request.Task,
                Status = s.Status,
                Confidence = result?.Confidence,
                Outcome = result?.Content is { } content ? (content.Length <= 200 ? content : content[..200] + "…") : null,
                CreatedAt = s.CreatedAt,
                UpdatedAt = s.UpdatedAt,
            });
        }
        catch (Exception ex)
        {
            // The run itself is stored; the episode list is an index of runs and is refreshed when the run finishes.
            LogEpisodeFailed(logger, ex, Key);
        }
    }

    private sealed class RunStorageException(Exception inner) : Exception("The run's step could not be stored.", inner);

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(7001, LogLevel.Information, "Agent run {Key}: resuming at phase {Phase} after event {Seq}")]
    private static partial void LogResuming(ILogger logger, string key, string phase, long seq);

    [LoggerMessage(7002, LogLevel.Warning, "Agent run {Key} failed ({Code})")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string key, string code);

    [LoggerMessage(7003, LogLevel.Information, "Agent run {Key} finished {Status} after {Iterations} iteration(s) and {ToolCalls} tool call(s)")]
    private static partial void LogRunFinished(ILogger logger, string key, AgentRunStatus status, int iterations, int toolCalls);

    [LoggerMessage(7005, LogLevel.Warning, "Agent run {Key}: deactivated before its step finished; it resumes from the last stored step")]
    private static partial void LogDeactivatedMidStep(ILogger logger, string key);

    [LoggerMessage(7006, LogLevel.Warning, "Agent run {Key}: reminder not registered; after a silo failure the run resumes on its next read")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(7004, LogLevel.Warning, "Agent run {Key}: episode not recorded in the user's memory")]
    private static partial void LogEpisodeFailed(ILogger logger, Exception exception, string key);
}
