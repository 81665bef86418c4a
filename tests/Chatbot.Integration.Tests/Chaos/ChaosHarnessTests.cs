using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Hosting;
using Chatbot.Testing.Processes;
using Chatbot.Testing.Servers;

namespace Chatbot.Integration.Tests.Chaos;

/// <summary>
/// The failure harness: three silo processes and two gateway processes over a private Redis (membership) and PostgreSQL
/// (grain state) on loopback. Users stream turns concurrently while silos — and every fourth round a gateway — are
/// killed with SIGKILL mid-stream and replaced, for <see cref="Rounds"/> rounds. Afterwards every conversation's
/// history must hold exactly the turns its user saw acknowledged: none lost, none duplicated, in order, with the
/// answer the user assembled across reconnects.
/// </summary>
public sealed class ChaosHarnessTests(PostgresServer postgres, RedisServer redis)
{
    private const int Rounds = 20;
    private const int Users = 6;
    private static readonly TimeSpan s_progressTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillSilosAndGatewaysMidStream_TwentyRounds_NoAcknowledgedTurnLostOrDuplicated()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var settings = new Dictionary<string, string>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.Redis,
            ["Chatbot:Clustering:ConnectionString"] = redis.ConnectionString,
            ["Chatbot:Clustering:ClusterId"] = "chaos-" + Guid.NewGuid().ToString("N"),
            ["Chatbot:Clustering:ServiceId"] = "chaos-" + Guid.NewGuid().ToString("N"),
            ["Chatbot:Storage:Provider"] = StorageProviders.AdoNet,
            ["Chatbot:Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(cancellationToken: ct),
            ["Chatbot:Model:Embedded:WordDelayMs"] = "30",
            // A call to a grain on a silo that just died waits this long before the gateway gives up on it.
            ["Chatbot:Clustering:ResponseTimeoutSeconds"] = "3",
        };
        var gatewaySettings = new Dictionary<string, string> { ["Chatbot:Auth:AllowAnonymous"] = "true", ["Chatbot:RateLimit:Enabled"] = "false" };
        await using var cluster = new ChatbotProcessCluster(settings);
        try
        {
            // 1. Three silos, two gateways, users streaming through both.
            await cluster.StartSiloAsync(ct);
            await Task.WhenAll(cluster.StartSiloAsync(ct), cluster.StartSiloAsync(ct));
            var pool = new GatewayPool();
            var gateways = new List<GatewayProcess>();
            foreach (var gateway in await Task.WhenAll(
                cluster.StartGatewayProcessAsync(gatewaySettings, ct), cluster.StartGatewayProcessAsync(gatewaySettings, ct)))
            {
                gateways.Add(gateway);
                pool.Add(gateway.Http);
            }

            var users = Enumerable.Range(1, Users).Select(i => new ChaosUser($"chaos-u{i}", pool)).ToList();
            using var stop = new CancellationTokenSource();
            var running = users.Select(u => Task.Run(() => u.RunAsync(stop.Token, ct), ct)).ToList();
            await EveryUserProgressesAsync(users, running, ct);

            // 2. Kill and replace: a silo every round (chosen by a seeded random among the ready ones), a gateway every
            //    fourth round. A replacement starts right after each kill and joins while users recover, so the
            //    cluster runs on two silos at times but never on fewer than one.
            var random = new Random(20261124);
            var recoveries = new List<double>();
            var ready = cluster.Silos.ToList();
            Task<(SiloProcess Silo, GatewayProcess? Gateway)>? replacement = null;
            for (var round = 1; round <= Rounds; round++)
            {
                if (ready.Count < 2)
                {
                    await JoinReplacementAsync();
                }

                var victim = ready[random.Next(ready.Count)];
                ready.Remove(victim);
                var killedAt = Stopwatch.StartNew();
                victim.Process.Kill();
                var gatewayKilled = round % 4 == 0;
                if (gatewayKilled)
                {
                    var gateway = gateways[random.Next(gateways.Count)];
                    pool.Remove(gateway.Http);
                    gateway.Process.Kill();
                    gateways.Remove(gateway);
                }

                await JoinReplacementAsync();
                replacement = ReplaceAsync(startGateway: gateways.Count < 2);
                await EveryUserProgressesAsync(users, running, ct);
                recoveries.Add(killedAt.Elapsed.TotalSeconds);
                output?.WriteLine($"round {round}: killed {victim.Name}{(gatewayKilled ? " and a gateway" : "")}; every user completed a turn {killedAt.Elapsed.TotalSeconds:F1} s later");
            }

            await JoinReplacementAsync();

            // Only the test's own flow touches the silo and gateway lists; a replacement's processes join them here.
            async Task JoinReplacementAsync()
            {
                if (replacement is null)
                {
                    return;
                }

                var (silo, gateway) = await replacement;
                replacement = null;
                ready.Add(silo);
                if (gateway is not null)
                {
                    gateways.Add(gateway);
                    pool.Add(gateway.Http);
                }
            }

            async Task<(SiloProcess, GatewayProcess?)> ReplaceAsync(bool startGateway)
            {
                var silo = cluster.StartSiloAsync(ct);
                var gateway = startGateway ? await cluster.StartGatewayProcessAsync(gatewaySettings, ct) : null;
                return (await silo, gateway);
            }

            // 3. Let every user finish the turn in progress, then compare each history with what its user saw.
            await stop.CancelAsync();
            await Task.WhenAll(running);
            foreach (var error in users.SelectMany(u => u.Errors))
            {
                output?.WriteLine("error event: " + error);
            }

            using var http = new HttpClient { BaseAddress = pool.Next(), Timeout = TimeSpan.FromSeconds(30) };
            foreach (var user in users)
            {
                var history = await HistoryAsync(http, user.ConversationId, ct);
                var questions = history.Where(m => m.Role == "user").Select(m => m.Content).ToList();
                var answers = history.Where(m => m.Role == "assistant").ToList();

                Assert.Equal(user.Acknowledged.Select(t => t.Question), questions);
                Assert.Equal(user.Acknowledged.Count, answers.Count);
                Assert.All(answers, a => Assert.Equal("complete", a.Status));
                Assert.Equal(user.Acknowledged.Select(t => t.Answer), answers.Select(a => a.Content));
            }

            recoveries.Sort();
            output?.WriteLine(
                $"{Rounds} rounds, {users.Sum(u => u.Acknowledged.Count)} turns acknowledged, {users.Sum(u => u.Retries)} retried attempts; " +
                $"recovery (kill → every user completed a turn): median {recoveries[recoveries.Count / 2]:F1} s, max {recoveries[^1]:F1} s");
        }
        catch
        {
            output?.WriteLine(cluster.Report());
            throw;
        }
    }

    // Waits until every user has completed at least one more turn (a barrier on the users' own progress).
    private static async Task EveryUserProgressesAsync(List<ChaosUser> users, List<Task> running, CancellationToken ct)
    {
        var targets = users.Select(u => u.Completed + 1).ToArray();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(s_progressTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (users.Select((u, i) => u.Completed < targets[i]).Any(behind => behind))
        {
            if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed;
            }

            if (!await tick.WaitForNextTickAsync(deadline.Token))
            {
                break;
            }
        }
    }

    private static async Task<List<(string Role, string Content, string Status)>> HistoryAsync(HttpClient http, string conversationId, CancellationToken ct)
    {
        var body = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/conversations/{conversationId}", UriKind.Relative), ct);
        return body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!, m.TryGetProperty("status", out var s) ? s.GetString()! : "complete"))
            .ToList();
    }
}
