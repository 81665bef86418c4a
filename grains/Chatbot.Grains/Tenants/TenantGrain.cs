using Chatbot.Conversations;
using Chatbot.Hosting;
using Chatbot.Tenants;
using Microsoft.Extensions.Logging;

namespace Chatbot.Grains.Tenants;

/// <summary>
/// A tenant's conversation and dataset index and usage. Every turn touches them, so changes are kept in memory and written at most
/// every two seconds and on deactivation, keeping this grain off the per-turn storage path; removals are written
/// through. A process killed outright can lose the last two seconds of index updates, never a conversation (which
/// its own grain stores) — the next turn of such a conversation registers it again.
/// </summary>
public sealed partial class TenantGrain(
    [PersistentState("tenant", ProviderNames.GrainState)] IPersistentState<TenantState> state,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private static readonly TimeSpan s_flushPeriod = TimeSpan.FromSeconds(2);
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(s_flushPeriod, s_flushPeriod) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await FlushAsync(cancellationToken);

    public Task RegisterConversationAsync(ConversationSummary summary)
    {
        state.State.Conversations[summary.Id] = summary;
        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task RemoveConversationAsync(string conversationId)
    {
        if (state.State.Conversations.Remove(conversationId))
        {
            await WriteAsync();
        }
    }

    public Task<ConversationPage> ListConversationsAsync(int offset, int limit)
    {
        var all = state.State.Conversations.Values;
        var items = all.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Skip(offset).Take(limit).ToList();
        return Task.FromResult(new ConversationPage(items, all.Count, offset, limit));
    }

    public Task RecordUsageAsync(TokenUsage usage)
    {
        state.State.Usage += usage;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<TokenUsage> GetUsageAsync() => Task.FromResult(state.State.Usage);

    public async Task RegisterDatasetAsync(string datasetId, DateTimeOffset createdAt)
    {
        if (state.State.Datasets.TryAdd(datasetId, createdAt))
        {
            await WriteAsync();
        }
    }

    public async Task RemoveDatasetAsync(string datasetId)
    {
        if (state.State.Datasets.Remove(datasetId))
        {
            await WriteAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListDatasetsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Datasets.Keys.Order(StringComparer.Ordinal).ToList());

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            _dirty = true;
            LogWriteFailed(logger, ex, this.GetPrimaryKeyString());
            throw;
        }
    }

    [LoggerMessage(1101, LogLevel.Error, "Tenant {Tenant}: state could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string tenant);
}
