using System.Globalization;
using Chatbot.Agents;
using Chatbot.Hosting;
using Chatbot.Memory;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace Chatbot.Grains.Tests.Agents;

/// <summary>
/// An agent run on a two-silo cluster (grain state in a SQLite file both silos share, as a database would be) whose
/// model is a fake OpenAI-compatible server: the silo running the run is killed mid-step, the run resumes on the other
/// silo from its last stored step and completes once, with no event lost or repeated.
/// </summary>
public sealed class AgentRunFailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_SiloHoldingItKilledMidStep_ResumesOnTheOtherSiloAndCompletesOnceWithoutDuplicates()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        var data = Directory.CreateTempSubdirectory("chatbot-agents-");
        var cluster = await StartClusterAsync(model, data.FullName);
        try
        {
            // 1. Plan, one tool round (stored), then the answer's model call stalls on the silo about to be killed; the
            //    replacement call on the surviving silo answers, and the self-check accepts.
            var stalled = new FakeGate();
            model.Enqueue(
                FakeReply.Text("1. Multiply with calculator."),
                FakeReply.Calls(new FakeToolCall("call_1", "calculator", """{"expression":"6 * 7"}""")),
                FakeReply.Text("It is 42.").StallingBeforeHeaders(stalled),
                FakeReply.Text("6 * 7 is 42."),
                FakeReply.Text("""{"confidence": 0.95, "issues": [], "corrections": []}"""));
            var run = cluster.Client.GetGrain<IAgentRunGrain>(AgentRunKey.Format("acme", "run-failover"));
            Assert.Equal(AgentRunStartOutcome.Started, await run.StartAsync(Request(), Ct));
            await stalled.Reached.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            var before = (await run.GetAsync("ana"))!.Events;

            // 2. Kill the silo that holds the run; the next call activates it on the survivor, which resumes it.
            var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);
            var holder = stats.Single(s => s.GrainId == run.GetGrainId()).SiloAddress;
            await cluster.KillSiloAsync(cluster.Silos.Single(s => s.SiloAddress.Equals(holder)), Ct);
            var events = await ReadAllAsync(run);

            // 3. Every event once, in order; the tool ran once; the answer came from the resumed step.
            Assert.Equal([AgentEventTypes.Plan, AgentEventTypes.ToolCall], before.Select(e => e.Type));
            Assert.Equal(
                [AgentEventTypes.Plan, AgentEventTypes.ToolCall, AgentEventTypes.Reasoning, AgentEventTypes.Result, AgentEventTypes.Done],
                events.Select(e => e.Type));
            Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Seq));
            Assert.Equal(before.Select(Shape), events.Take(2).Select(Shape));
            Assert.Equal("6 * 7 is 42.", events[3].Content);
            var snapshot = (await run.GetAsync("ana"))!;
            Assert.Equal(AgentRunStatus.Completed, snapshot.Status);
            Assert.Equal(events.Select(Shape), snapshot.Events.Select(Shape));
            Assert.Equal(5, model.Requests.Count);
            Assert.NotEqual(holder, (await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct))
                .Single(s => s.GrainId == run.GetGrainId()).SiloAddress);

            var episodes = await cluster.Client.GetGrain<IUserMemoryGrain>(UserKey.Format("acme", "ana")).ListEpisodesAsync(0, 10);
            Assert.Equal(AgentRunStatus.Completed, Assert.Single(episodes.Items).Status);
        }
        finally
        {
            await cluster.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static (string, long, string?, string?, string?, string?) Shape(AgentEvent e) => (e.Type, e.Seq, e.Tool, e.ParamsJson, e.ToolResult, e.Content);

    private static AgentRunRequest Request() => new()
    {
        Task = "what is 6 * 7?",
        UserId = "ana",
        MaxIterations = 2,
        ConfidenceThreshold = 0.8,
    };

    private static async Task<InProcessTestCluster> StartClusterAsync(FakeOpenAIServer model, string dataDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProviders.Embedded,
            ["Chatbot:DataDirectory"] = dataDirectory,
            ["Chatbot:Model:Provider"] = "openai",
            ["Chatbot:Model:OpenAI:BaseUrl"] = model.BaseUrl.ToString(),
            ["Chatbot:Model:OpenAI:Model"] = "fake-model",
            ["Chatbot:Model:OpenAI:MaxRetries"] = "0",
            ["Chatbot:Tools:Policy:Default:AllowedTools:0"] = "calculator",
            ["Chatbot:Agents:RunReminderPeriod"] = TimeSpan.FromMinutes(1).ToString("c", CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddChatbotSilo(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    // The first calls after the kill may still be routed to the dead silo until membership declares it dead (about two
    // seconds): those fail fast and are retried, a bounded number of times.
    private static async Task<List<AgentEvent>> ReadAllAsync(IAgentRunGrain run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var events = new List<AgentEvent>();
                await foreach (var e in run.StreamEventsAsync("ana", 0, Ct))
                {
                    events.Add(e);
                }

                return events;
            }
            catch (Exception ex) when (attempt < 10 && ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            }
        }
    }
}
