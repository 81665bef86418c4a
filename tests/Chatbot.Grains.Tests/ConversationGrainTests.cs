using Chatbot.Conversations;
using Chatbot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Chatbot.Testing.Clusters;
using Chatbot.Testing.Models;
using Chatbot.Tenants;
using Xunit;

namespace Chatbot.Grains.Tests;

public sealed class ConversationGrainTests(ChatbotClusterFixture fixture) : IClassFixture<ChatbotClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IConversationGrain NewConversation(string tenant = "acme") =>
        fixture.Client.GetGrain<IConversationGrain>(ConversationKey.Format(tenant, "c-" + Guid.NewGuid().ToString("N")));

    private static TurnRequest Turn(string question, string? requestId = null) =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString("N"), Content = question };

    private static async Task<List<ChatEvent>> ReadAllAsync(IConversationGrain grain, string requestId, long afterSeq = 0)
    {
        var events = new List<ChatEvent>();
        await foreach (var e in grain.StreamTurnAsync(requestId, afterSeq, Ct))
        {
            events.Add(e);
        }

        return events;
    }

    // Events hold lists, which records compare by reference: compare what a client would see instead.
    private static string Describe(ChatEvent e) =>
        $"{e.Type}|{e.Seq}|{e.Content}|{e.Usage}|{e.Code}|{string.Join(",", e.References?.Select(r => r.ChunkId) ?? [])}";

    [Fact]
    public async Task StreamTurn_NewTurn_YieldsDeltasThenRefsThenDoneWithIncreasingSeq()
    {
        var question = "q-" + Guid.NewGuid();
        var answer = fixture.Model.Script(question, ScriptedAnswer.Words("one two three"));
        var grain = NewConversation();
        var turn = Turn(question);

        var start = await grain.StartTurnAsync(turn, Ct);
        var events = await ReadAllAsync(grain, turn.RequestId);

        Assert.Equal(TurnStartOutcome.Started, start.Outcome);
        Assert.Equal([ChatEventTypes.Delta, ChatEventTypes.Delta, ChatEventTypes.Delta, ChatEventTypes.Refs, ChatEventTypes.Done], events.Select(e => e.Type));
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Seq));
        Assert.Equal(answer.Text, string.Concat(events.Where(e => e.Type == ChatEventTypes.Delta).Select(e => e.Content)));
        Assert.Equal(3, events[^1].Usage!.OutputTokens);
    }

    [Fact]
    public async Task StartTurn_SameRequestIdTwice_StoresTheTurnOnce()
    {
        var grain = NewConversation();
        var turn = Turn("hello once " + Guid.NewGuid());

        await grain.StartTurnAsync(turn, Ct);
        var first = await ReadAllAsync(grain, turn.RequestId);
        var retry = await grain.StartTurnAsync(turn, Ct);
        var replay = await ReadAllAsync(grain, turn.RequestId);
        var snapshot = await grain.GetAsync();

        Assert.Equal(TurnStartOutcome.Existing, retry.Outcome);
        Assert.Equal(first.Select(Describe), replay.Select(Describe));
        Assert.Equal(2, snapshot!.Messages.Count);
    }

    [Fact]
    public async Task StartTurn_WhileAnotherTurnRuns_IsBusyAndNeverInterleaves()
    {
        var question = "slow-" + Guid.NewGuid();
        var slow = fixture.Model.Script(question, ScriptedAnswer.Words("first answer text", pauseAfter: 1));
        var grain = NewConversation();
        var first = Turn(question);
        var second = Turn("second question " + Guid.NewGuid());

        await grain.StartTurnAsync(first, Ct);
        await slow.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var busy = await grain.StartTurnAsync(second, Ct);
        slow.Release.SetResult();
        await ReadAllAsync(grain, first.RequestId);
        var after = await grain.StartTurnAsync(second, Ct);
        await ReadAllAsync(grain, second.RequestId);
        var messages = (await grain.GetAsync())!.Messages;

        Assert.Equal(TurnStartOutcome.Busy, busy.Outcome);
        Assert.Equal(TurnStartOutcome.Started, after.Outcome);
        Assert.Equal([first.RequestId, first.RequestId, second.RequestId, second.RequestId], messages.Select(m => m.RequestId));
        Assert.Equal([ChatRoles.User, ChatRoles.Assistant, ChatRoles.User, ChatRoles.Assistant], messages.Select(m => m.Role));
    }

    [Fact]
    public async Task StreamTurn_FromSeq_ResumesWithTheRestExactlyOnce()
    {
        var question = "resume-" + Guid.NewGuid();
        var answer = fixture.Model.Script(question, ScriptedAnswer.Words("a b c d e f", pauseAfter: 3));
        var grain = NewConversation();
        var turn = Turn(question);
        await grain.StartTurnAsync(turn, Ct);

        var head = new List<ChatEvent>();
        await foreach (var e in grain.StreamTurnAsync(turn.RequestId, 0, Ct))
        {
            head.Add(e);
            if (head.Count == 2)
            {
                break;
            }
        }

        answer.Release.SetResult();
        var tail = await ReadAllAsync(grain, turn.RequestId, afterSeq: 2);

        Assert.Equal([3L, 4, 5, 6, 7, 8], tail.Select(e => e.Seq));
        Assert.Equal(answer.Text, string.Concat(head.Concat(tail).Where(e => e.Type == ChatEventTypes.Delta).Select(e => e.Content)));
        Assert.Equal(ChatEventTypes.Done, tail[^1].Type);
    }

    [Fact]
    public async Task StartTurn_ReaderGoesAwayMidAnswer_AnswerIsStillCompletedAndStored()
    {
        var question = "abandoned-" + Guid.NewGuid();
        var answer = fixture.Model.Script(question, ScriptedAnswer.Words("kept even without a listener", pauseAfter: 1));
        var grain = NewConversation();
        var turn = Turn(question);
        await grain.StartTurnAsync(turn, Ct);

        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            await foreach (var e in grain.StreamTurnAsync(turn.RequestId, 0, cts.Token))
            {
                cts.Cancel();
                break;
            }
        }

        answer.Release.SetResult();
        // A new reader waits for the terminal event: a barrier, not a sleep.
        var events = await ReadAllAsync(grain, turn.RequestId);
        var snapshot = await grain.GetAsync();

        Assert.Equal(ChatEventTypes.Done, events[^1].Type);
        Assert.Equal(answer.Text, snapshot!.Messages[^1].Content);
        Assert.Equal(MessageStatus.Complete, snapshot.Messages[^1].Status);
    }

    [Fact]
    public async Task StartTurn_ModelFailsMidStream_ErrorEventAndPartialAnswerStoredAsIncomplete()
    {
        var question = "failing-" + Guid.NewGuid();
        fixture.Model.Script(question, ScriptedAnswer.Words("partial words then failure", failAfter: 2));
        var grain = NewConversation();
        var turn = Turn(question);

        await grain.StartTurnAsync(turn, Ct);
        var events = await ReadAllAsync(grain, turn.RequestId);
        var stored = (await grain.GetAsync())!.Messages[^1];

        Assert.Equal([ChatEventTypes.Delta, ChatEventTypes.Delta, ChatEventTypes.Error], events.Select(e => e.Type));
        Assert.Equal("model_error", events[^1].Code);
        Assert.Equal("partial words ", stored.Content);
        Assert.Equal(MessageStatus.Incomplete, stored.Status);
        Assert.Equal("model_error", stored.ErrorCode);
    }

    [Fact]
    public async Task StopTurn_RunningTurn_StopsAndKeepsPartialAnswerAsIncomplete()
    {
        var question = "stop-me-" + Guid.NewGuid();
        var answer = fixture.Model.Script(question, ScriptedAnswer.Words("never finished answer", pauseAfter: 1));
        var grain = NewConversation();
        var turn = Turn(question);
        await grain.StartTurnAsync(turn, Ct);
        await answer.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var stopped = await grain.StopTurnAsync(turn.RequestId);
        var events = await ReadAllAsync(grain, turn.RequestId);
        var stored = (await grain.GetAsync())!.Messages[^1];

        Assert.True(stopped);
        Assert.Equal("stopped", events[^1].Code);
        Assert.Equal("never ", stored.Content);
        Assert.Equal(MessageStatus.Incomplete, stored.Status);
    }

    [Fact]
    public async Task Turns_HistoryIsSentToTheModelWithinTheContextWindow()
    {
        var grain = NewConversation();
        var marker = Guid.NewGuid().ToString("N");
        var first = Turn("remember " + marker);
        await grain.StartTurnAsync(first, Ct);
        await ReadAllAsync(grain, first.RequestId);

        var second = Turn("what did I ask " + marker);
        await grain.StartTurnAsync(second, Ct);
        await ReadAllAsync(grain, second.RequestId);

        var prompt = fixture.Model.Prompts.Last(p => p[^1].Text == second.Content);
        Assert.Contains(prompt, m => m.Text == first.Content);
        Assert.Contains(prompt, m => m.Text == "Answer to: " + first.Content);
    }

    [Fact]
    public async Task DeleteAsync_ExistingConversation_RemovesHistoryAndIndexEntry()
    {
        var tenant = "del-" + Guid.NewGuid().ToString("N")[..8];
        var grain = NewConversation(tenant);
        var turn = Turn("to be deleted");
        await grain.StartTurnAsync(turn, Ct);
        await ReadAllAsync(grain, turn.RequestId);
        var index = fixture.Client.GetGrain<ITenantGrain>(tenant);
        var listedBefore = await index.ListConversationsAsync(0, 10);

        var deleted = await grain.DeleteAsync();
        var deletedAgain = await grain.DeleteAsync();

        Assert.Equal(1, listedBefore.Total);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, (await index.ListConversationsAsync(0, 10)).Total);
    }

    [Fact]
    public async Task Conversations_SameIdInTwoTenants_AreSeparate()
    {
        var id = "shared-" + Guid.NewGuid().ToString("N");
        var a = fixture.Client.GetGrain<IConversationGrain>(ConversationKey.Format("tenant-a", id));
        var b = fixture.Client.GetGrain<IConversationGrain>(ConversationKey.Format("tenant-b", id));
        var turn = Turn("secret of tenant a");
        await a.StartTurnAsync(turn, Ct);
        await ReadAllAsync(a, turn.RequestId);

        Assert.Null(await b.GetAsync());
        Assert.Equal("turn_not_found", (await ReadAllAsync(b, turn.RequestId)).Single().Code);
    }

    [Fact]
    public async Task TenantUsage_AfterTurns_AccumulatesTokens()
    {
        var tenant = "usage-" + Guid.NewGuid().ToString("N")[..8];
        var grain = NewConversation(tenant);
        var turn = Turn("count my tokens please");
        await grain.StartTurnAsync(turn, Ct);
        var done = (await ReadAllAsync(grain, turn.RequestId))[^1];

        // The usage is recorded after the answer is published (off the answer's path): wait for it, with a deadline.
        var tenantGrain = fixture.Client.GetGrain<ITenantGrain>(tenant);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var usage = await tenantGrain.GetUsageAsync();
        while (usage != done.Usage && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
            usage = await tenantGrain.GetUsageAsync();
        }

        Assert.Equal(done.Usage, usage);
    }

    [Fact]
    public async Task Conversations_ManyConversations_ActivateOnBothSilos()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => NewConversation()).ToList();
        foreach (var g in grains)
        {
            var turn = Turn("spread " + Guid.NewGuid());
            await g.StartTurnAsync(turn, Ct);
            await ReadAllAsync(g, turn.RequestId);
        }

        var management = fixture.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics(null, null, Ct);
        var ids = grains.Select(g => g.GetGrainId()).ToHashSet();

        Assert.Equal(2, stats.Where(s => ids.Contains(s.GrainId)).Select(s => s.SiloAddress).Distinct().Count());
    }

    [Fact]
    public async Task StartTurn_StateWrittenByAnotherActivation_FailsOnceThenTheNextTurnBuildsOnTheStoredState()
    {
        var key = ConversationKey.Format("acme", "c-" + Guid.NewGuid().ToString("N"));
        var grain = fixture.Client.GetGrain<IConversationGrain>(key);
        var first = Turn("first " + Guid.NewGuid());
        await grain.StartTurnAsync(first, Ct);
        await ReadAllAsync(grain, first.RequestId);

        // Another writer (a duplicate activation while the cluster settles after a silo died) stores the conversation
        // behind this activation's back: its ETag is stale now.
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderNames.GrainState);
        var grainId = GrainId.Create("conversation", key);
        var stored = new GrainState<ConversationState>();
        await storage.ReadStateAsync("conversation", grainId, stored);
        await storage.WriteStateAsync("conversation", grainId, stored);

        var conflicted = Turn("second " + Guid.NewGuid());
        await grain.StartTurnAsync(conflicted, Ct);
        var failed = await ReadAllAsync(grain, conflicted.RequestId);

        // The activation read the stored state again: the next turn builds on it and is stored.
        var retry = Turn("third " + Guid.NewGuid());
        await grain.StartTurnAsync(retry, Ct);
        var next = await ReadAllAsync(grain, retry.RequestId);

        Assert.Equal((ChatEventTypes.Error, "storage_error"), (failed[^1].Type, failed[^1].Code));
        Assert.Equal(ChatEventTypes.Done, next[^1].Type);
        var snapshot = await grain.GetAsync();
        Assert.Equal(4, snapshot!.Messages.Count); // first and third: question and answer each
    }
}
