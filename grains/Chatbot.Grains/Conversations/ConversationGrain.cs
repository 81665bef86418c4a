using System.Runtime.CompilerServices;
using System.Text;
using Chatbot.AI.Chat;
using Chatbot.AI.Conversations;
using Chatbot.AI.Grounding;
using Chatbot.AI.Telemetry;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph;
using Chatbot.Conversations;
using Chatbot.Hosting;
using Chatbot.Tenants;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Chatbot.Grains.Conversations;

/// <summary>
/// Owns one conversation: its history and the generation of its answers. Reentrant so that readers of a running turn,
/// history reads and stop requests are served while the model streams; turn ordering is enforced explicitly
/// (<see cref="_active"/>): one turn at a time, and a request id is never stored twice.
/// </summary>
[Reentrant]
[RandomPlacement]
public sealed partial class ConversationGrain(
    [PersistentState("conversation", ProviderNames.GrainState)] IPersistentState<ConversationState> state,
    IChatClient chatClient,
    IOptions<ChatModelOptions> modelOptions,
    IOptions<ConversationOptions> conversationOptions,
    IOptions<GraphOptions> graphOptions,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private readonly ConversationOptions _options = conversationOptions.Value;
    private string? _model;
    private ActiveTurn? _active;
    private bool _deleted;

    private string Key => this.GetPrimaryKeyString();

    private bool Exists => state.State.Messages.Count > 0;

    // The model's name as the chat pipeline reports it; a metrics label only.
    private string Model => _model ??= chatClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";

    public Task<TurnStart> StartTurnAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        if (_active?.Log.RequestId == request.RequestId || FindTurn(request.RequestId) is not null)
        {
            return Task.FromResult(new TurnStart(TurnStartOutcome.Existing, request.RequestId));
        }

        if (_active is not null)
        {
            LogBusy(logger, Key, request.RequestId, _active.Log.RequestId);
            return Task.FromResult(new TurnStart(TurnStartOutcome.Busy, request.RequestId));
        }

        // No await before _active is set: the check and the claim are one step on the grain's scheduler.
        _deleted = false;
        _active = new ActiveTurn(new TurnEventLog(request.RequestId));
        _active.Running = RunTurnAsync(_active, request);
        return Task.FromResult(new TurnStart(TurnStartOutcome.Started, request.RequestId));
    }

    public async IAsyncEnumerable<ChatEvent> StreamTurnAsync(
        string requestId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_active is { } active && active.Log.RequestId == requestId)
        {
            await foreach (var e in active.Log.ReadAsync(afterSeq, cancellationToken))
            {
                yield return e;
            }

            yield break;
        }

        if (FindTurn(requestId) is { } recorded)
        {
            foreach (var e in recorded.ToEvents().Where(e => e.Seq > afterSeq))
            {
                yield return e;
            }

            yield break;
        }

        yield return new ChatEvent
        {
            Type = ChatEventTypes.Error,
            Seq = Math.Max(afterSeq, 0) + 1,
            Code = "turn_not_found",
            Message = $"No turn with request id '{requestId}' in this conversation.",
        };
    }

    /// <summary>
    /// A turn still running when the grain is deactivated (its silo is stopping, or the grain migrates) finishes and is
    /// stored first, within the deactivation's time limit; past it the turn is stopped and kept as incomplete. Readers
    /// then resume from their last event on the next activation, which has the whole turn.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_active is not { } turn)
        {
            return;
        }

        LogFinishingBeforeDeactivation(logger, Key, turn.Log.RequestId, reason.ReasonCode.ToString());
        try
        {
            await turn.Running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStoppedAtDeactivation(logger, Key, turn.Log.RequestId);
            turn.Stop();
            await turn.Running;
        }
    }

    public Task<bool> StopTurnAsync(string requestId)
    {
        if (_active is not { } active || active.Log.RequestId != requestId)
        {
            return Task.FromResult(false);
        }

        active.Stop();
        return Task.FromResult(true);
    }

    public Task<string?> GetLatestRequestIdAsync() =>
        Task.FromResult(_active?.Log.RequestId ?? state.State.Turns.LastOrDefault()?.RequestId);

    public Task<ConversationSnapshot?> GetAsync()
    {
        if (!Exists && _active is null)
        {
            return Task.FromResult<ConversationSnapshot?>(null);
        }

        var (_, id) = ConversationKey.Parse(Key);
        var s = state.State;
        return Task.FromResult<ConversationSnapshot?>(new ConversationSnapshot
        {
            Id = id,
            Title = s.Title,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            Messages = [.. s.Messages],
            ActiveRequestId = _active?.Log.RequestId,
        });
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Exists && _active is null)
        {
            return false;
        }

        _deleted = true;
        _active?.Stop();
        var (tenant, id) = ConversationKey.Parse(Key);
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<ITenantGrain>(tenant).RemoveConversationAsync(id);
        LogDeleted(logger, Key);
        return true;
    }

    private async Task RunTurnAsync(ActiveTurn turn, TurnRequest request)
    {
        var log = turn.Log;
        try
        {
            // 1. Snapshot what the turn needs before the first await: other calls interleave from here on.
            var started = timeProvider.GetTimestamp();
            var askedAt = timeProvider.GetUtcNow();
            var history = request.ContextOverride ?? PromptBuilder.FromStored(state.State.Messages);
            var systemPrompt = string.IsNullOrWhiteSpace(request.SystemPrompt)
                ? modelOptions.Value.SystemPrompt
                : request.SystemPrompt;
            var prompt = PromptBuilder.Build(systemPrompt, history, _options.ContextMessages, request.Content);
            var chatOptions = new ChatOptions
            {
                Temperature = request.Temperature,
                AdditionalProperties = TurnContext.Properties(ConversationKey.Parse(Key).TenantId, request.UserId, ConversationKey.Parse(Key).ConversationId),
            };

            // 2. Ground the turn in the tenant's knowledge: the sources go into the prompt, numbered for citation, with the
            //    graph paths through them for a use_graph_rag turn.
            var knowledge = await RetrieveAsync(request);
            GroundingContext.Attach(prompt, chatOptions, knowledge.Sources(), knowledge.GroundingPaths());

            // 3. Stream the model's answer into the turn's event log; readers see each delta as it arrives.
            var answer = new StringBuilder();
            UsageDetails? usage = null;
            var unanswered = false;
            string? errorCode = null;
            string? errorMessage = null;
            try
            {
                await foreach (var update in chatClient.GetStreamingResponseAsync(prompt, chatOptions, turn.Cancellation))
                {
                    foreach (var content in update.Contents)
                    {
                        if (content is UsageContent u)
                        {
                            usage = u.Details;
                        }
                    }

                    unanswered |= GroundingContext.IsUnanswered(update);

                    var text = update.Text;
                    if (!string.IsNullOrEmpty(text))
                    {
                        if (answer.Length == 0)
                        {
                            metrics.TimeToFirstToken(timeProvider.GetElapsedTime(started), Model);
                        }

                        answer.Append(text);
                        log.Append(new ChatEvent { Type = ChatEventTypes.Delta, Seq = 0, Content = text });
                    }
                }
            }
            catch (OperationCanceledException) when (turn.Cancellation.IsCancellationRequested)
            {
                (errorCode, errorMessage) = _deleted
                    ? ("conversation_deleted", "The conversation was deleted while the answer was generated.")
                    : ("stopped", "The answer was stopped.");
            }
            catch (Exception ex)
            {
                (errorCode, errorMessage) = ModelErrors.Describe(ex);
                LogModelFailed(logger, ex, Key, request.RequestId, errorCode);
            }

            var turnUsage = ToUsage(usage, prompt, answer);
            var (tenantId, conversationId) = ConversationKey.Parse(Key);
            metrics.TokensUsed(tenantId, Model, turnUsage.InputTokens, turnUsage.OutputTokens);
            if (_deleted)
            {
                log.Append(new ChatEvent { Type = ChatEventTypes.Error, Seq = 0, Code = errorCode ?? "conversation_deleted", Message = errorMessage });
                metrics.TurnFinished(errorCode ?? "conversation_deleted");
                return;
            }

            // 4. The references are the sources the answer cites (all of them when it cites none, none when it could
            //    not answer); an unanswered question goes to the tenant's review queue.
            var references = knowledge.References(answer.ToString(), unanswered);
            if (unanswered)
            {
                await GrainFactory.GetGrain<IUnansweredQuestionsGrain>(tenantId).RecordAsync(new UnansweredQuestion(
                    request.Content, conversationId, request.RequestId, askedAt, request.DatasetIds ?? [DatasetKey.DefaultDataset]));
            }

            // 5. Build the new state, write it, then publish the terminal event. A failed write publishes an error
            //    and leaves the previous state in place: the turn did not happen.
            var record = new TurnRecord
            {
                RequestId = request.RequestId,
                Deltas = log.Snapshot().Select(e => e.Content ?? "").ToList(),
                References = errorCode is null ? references : null,
                Terminal = errorCode is null
                    ? new ChatEvent { Type = ChatEventTypes.Done, Seq = 0, Usage = turnUsage }
                    : new ChatEvent { Type = ChatEventTypes.Error, Seq = 0, Code = errorCode, Message = errorMessage },
            };
            var previous = state.State;
            var isNew = previous.Messages.Count == 0;
            var next = NextState(previous, request, askedAt, answer.ToString(), errorCode, references, turnUsage, record);
            state.State = next;
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                state.State = previous;
                LogWriteFailed(logger, ex, Key, request.RequestId);
                if (ex is Orleans.Storage.InconsistentStateException)
                {
                    // Another activation of this conversation wrote since this one read (a brief duplicate while the
                    // cluster settled after a silo died): this activation's state is stale, and every later write would
                    // fail the same way. Read what is stored, so the client's retry builds on it.
                    await RereadStateAsync();
                }

                log.Append(new ChatEvent { Type = ChatEventTypes.Error, Seq = 0, Code = "storage_error", Message = "The answer could not be saved." });
                metrics.TurnFinished("storage_error");
                return;
            }

            // 6. A new conversation joins the tenant's index before anyone is told the turn is done, so a list right
            //    after it shows the conversation; later turns only refresh its position, off the answer's path.
            var tenantGrain = GrainFactory.GetGrain<ITenantGrain>(tenantId);
            var summary = new ConversationSummary { Id = conversationId, Title = next.Title, CreatedAt = next.CreatedAt, UpdatedAt = next.UpdatedAt };
            if (isNew)
            {
                await RegisterAsync(tenantGrain, summary);
            }

            foreach (var e in record.ToEvents().Skip(log.Snapshot().Count))
            {
                log.Append(e);
            }

            ReleaseTurn(turn);
            if (!isNew)
            {
                await RegisterAsync(tenantGrain, summary);
            }

            await tenantGrain.RecordUsageAsync(turnUsage);
            metrics.TurnFinished(errorCode ?? "ok");
            LogTurnCompleted(logger, Key, request.RequestId, turnUsage.OutputTokens, errorCode ?? "ok");
        }
        catch (Exception ex)
        {
            LogTurnCrashed(logger, ex, Key, request.RequestId);
            metrics.TurnFinished("internal_error");
            if (!log.IsCompleted)
            {
                log.Append(new ChatEvent { Type = ChatEventTypes.Error, Seq = 0, Code = "internal_error", Message = "The turn failed." });
            }
        }
        finally
        {
            ReleaseTurn(turn);
        }
    }

    private void ReleaseTurn(ActiveTurn turn)
    {
        if (ReferenceEquals(_active, turn))
        {
            _active = null;
        }
    }

    private async Task RegisterAsync(ITenantGrain tenantGrain, ConversationSummary summary)
    {
        try
        {
            await tenantGrain.RegisterConversationAsync(summary);
        }
        catch (Exception ex)
        {
            // The turn is stored and every turn registers again, so a missed index update heals on the next turn.
            LogIndexFailed(logger, ex, Key);
        }
    }

    private async Task<RetrievedKnowledge> RetrieveAsync(TurnRequest request)
    {
        var (tenant, _) = ConversationKey.Parse(Key);
        try
        {
            return await TurnRetrieval.RetrieveAsync(
                GrainFactory, tenant, request, request.TopK ?? _options.RetrievalTopK, graphOptions.Value.ChatMaxHops);
        }
        catch (Exception ex)
        {
            // Answering without sources beats failing the turn; the model then says it has no knowledge to answer from.
            LogRetrievalFailed(logger, ex, Key);
            return RetrievedKnowledge.None;
        }
    }

    private ConversationState NextState(
        ConversationState previous, TurnRequest request, DateTimeOffset askedAt, string answer, string? errorCode,
        IReadOnlyList<ChatReference> references, TokenUsage usage, TurnRecord record)
    {
        var now = timeProvider.GetUtcNow();
        var messages = new List<StoredMessage>(previous.Messages.Count + 2);
        messages.AddRange(previous.Messages);
        messages.Add(new StoredMessage
        {
            Role = ChatRoles.User, Content = request.Content, RequestId = request.RequestId, CreatedAt = askedAt,
        });
        messages.Add(new StoredMessage
        {
            Role = ChatRoles.Assistant,
            Content = answer,
            RequestId = request.RequestId,
            CreatedAt = now,
            Status = errorCode is null ? MessageStatus.Complete : MessageStatus.Incomplete,
            ErrorCode = errorCode,
            References = references.Count == 0 ? null : references,
            Usage = usage,
        });

        var turns = previous.Turns.Skip(Math.Max(0, previous.Turns.Count + 1 - _options.IdempotencyWindow)).ToList();
        turns.Add(record);
        return new ConversationState
        {
            Title = previous.Messages.Count == 0 ? Titles.From(request.Content, _options.MaxTitleChars) : previous.Title,
            CreatedAt = previous.Messages.Count == 0 ? askedAt : previous.CreatedAt,
            UpdatedAt = now,
            Messages = messages,
            Turns = turns,
        };
    }

    private TurnRecord? FindTurn(string requestId)
    {
        var turns = state.State.Turns;
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            if (turns[i].RequestId == requestId)
            {
                return turns[i];
            }
        }

        return null;
    }

    private static TokenUsage ToUsage(UsageDetails? usage, List<ChatMessage> prompt, StringBuilder answer) => new()
    {
        InputTokens = usage?.InputTokenCount ?? prompt.Sum(m => TokenEstimator.Count(m.Text)),
        OutputTokens = usage?.OutputTokenCount ?? TokenEstimator.Count(answer.ToString()),
    };

    // The source has no timer, so it holds no resource that needs disposing.
    private sealed class ActiveTurn(TurnEventLog log)
    {
        private readonly CancellationTokenSource _cts = new();

        public TurnEventLog Log { get; } = log;

        public CancellationToken Cancellation => _cts.Token;

        /// <summary>The turn's task: it completes once the turn is stored (or failed) and its terminal event published.</summary>
        public Task Running { get; set; } = Task.CompletedTask;

        public void Stop() => _cts.Cancel();
    }

    [LoggerMessage(1001, LogLevel.Information, "Conversation {Key}: turn {RequestId} refused, turn {ActiveRequestId} is running")]
    private static partial void LogBusy(ILogger logger, string key, string requestId, string activeRequestId);

    private async Task RereadStateAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRereadFailed(logger, ex, Key);
            DeactivateOnIdle(); // the next activation reads it
        }
    }

    [LoggerMessage(1011, LogLevel.Warning, "Conversation {Key}: the stored state could not be read again after a write conflict")]
    private static partial void LogRereadFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(1002, LogLevel.Warning, "Conversation {Key}: model failed in turn {RequestId} ({Code})")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string key, string requestId, string code);

    [LoggerMessage(1003, LogLevel.Error, "Conversation {Key}: turn {RequestId} could not be stored")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string key, string requestId);

    [LoggerMessage(1004, LogLevel.Warning, "Conversation {Key}: tenant index not updated")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(1005, LogLevel.Debug, "Conversation {Key}: turn {RequestId} finished with {OutputTokens} tokens ({Outcome})")]
    private static partial void LogTurnCompleted(ILogger logger, string key, string requestId, long outputTokens, string outcome);

    [LoggerMessage(1006, LogLevel.Error, "Conversation {Key}: turn {RequestId} failed unexpectedly")]
    private static partial void LogTurnCrashed(ILogger logger, Exception exception, string key, string requestId);

    [LoggerMessage(1008, LogLevel.Warning, "Conversation {Key}: retrieval failed; answering without sources")]
    private static partial void LogRetrievalFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(1009, LogLevel.Information, "Conversation {Key}: deactivating ({Reason}); turn {RequestId} finishes first")]
    private static partial void LogFinishingBeforeDeactivation(ILogger logger, string key, string requestId, string reason);

    [LoggerMessage(1010, LogLevel.Warning, "Conversation {Key}: turn {RequestId} did not finish within the deactivation time limit; stopped and kept as incomplete")]
    private static partial void LogStoppedAtDeactivation(ILogger logger, string key, string requestId);

    [LoggerMessage(1007, LogLevel.Information, "Conversation {Key} deleted")]
    private static partial void LogDeleted(ILogger logger, string key);
}
