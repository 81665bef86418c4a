using Chatbot.Conversations;
using Chatbot.Hosting;
using Chatbot.Testing.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Xunit;

namespace Chatbot.Grains.Tests;

/// <summary>
/// A silo stopped gracefully while a conversation's answer is being written on it: the turn finishes and is stored
/// before the grain goes, and the reader resumes from its last event on the silo that remains.
/// </summary>
public sealed class ConversationShutdownTests : IAsyncLifetime
{
    // ConversationGrain's "deactivating; turn finishes first" log event.
    private const int FinishingBeforeDeactivationEvent = 1009;

    private readonly ScriptedChatClient _model = new();
    private readonly LogSignal _finishing = new(FinishingBeforeDeactivationEvent);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("chatbot-shutdown-");
    private InProcessTestCluster? _cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InProcessTestCluster Cluster => _cluster!;

    public async ValueTask InitializeAsync()
    {
        // Durable storage shared by both silos: in-memory storage would lose what the stopped silo held.
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProviders.Embedded,
            ["Chatbot:DataDirectory"] = _data.FullName,
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddChatbotSilo(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            silo.Services.AddSingleton<IChatClient>(_model);
            silo.Services.AddSingleton<ILoggerProvider>(_finishing);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task StopSilo_TurnRunningOnIt_TurnFinishesIsStoredAndTheReaderResumesOnTheOtherSilo()
    {
        var question = "shutdown-" + Guid.NewGuid();
        var answer = _model.Script(question, ScriptedAnswer.Words("finished although its silo was stopping", pauseAfter: 1));
        var grain = Cluster.Client.GetGrain<IConversationGrain>(ConversationKey.Format("acme", "c-" + Guid.NewGuid().ToString("N")));
        var turn = new TurnRequest { RequestId = Guid.NewGuid().ToString("N"), Content = question };
        await grain.StartTurnAsync(turn, Ct);
        await answer.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // 1. The reader has the first word.
        long lastSeq;
        var received = new List<ChatEvent>();
        await foreach (var e in grain.StreamTurnAsync(turn.RequestId, 0, Ct))
        {
            received.Add(e);
            break;
        }

        lastSeq = received[^1].Seq;

        // 2. Stop the silo the conversation lives on; the model goes on only once the grain is deactivating.
        var stats = await Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);
        var host = stats.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress;
        var silo = Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        var stopping = Cluster.StopSiloAsync(silo, Ct);
        await _finishing.Raised.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        answer.Release.SetResult();
        await stopping;

        // 3. The reader resumes after its last event: the rest of the answer, then done, from the remaining silo.
        await foreach (var e in grain.StreamTurnAsync(turn.RequestId, lastSeq, Ct))
        {
            received.Add(e);
        }

        var snapshot = await grain.GetAsync();
        stats = await Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);

        Assert.Equal(ChatEventTypes.Done, received[^1].Type);
        Assert.Equal(answer.Text, string.Concat(received.Where(e => e.Type == ChatEventTypes.Delta).Select(e => e.Content)));
        Assert.Equal(Enumerable.Range(1, received.Count).Select(i => (long)i), received.Select(e => e.Seq));
        Assert.Equal(answer.Text, snapshot!.Messages[^1].Content);
        Assert.Equal(MessageStatus.Complete, snapshot.Messages[^1].Status);
        Assert.NotEqual(host, stats.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress);
    }

    /// <summary>Completes <see cref="Raised"/> when any logger writes an event with the given id.</summary>
    private sealed class LogSignal(int eventId) : ILoggerProvider, ILogger
    {
        private readonly TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Raised => _raised.Task;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (id.Id == eventId)
            {
                _raised.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
