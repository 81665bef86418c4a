using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Conversations;
using Chatbot.Hosting;
using Chatbot.Tenants;
using Chatbot.Testing.Http;
using Chatbot.Testing.Processes;
using Chatbot.Testing.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Chatbot.Integration.Tests;

/// <summary>
/// Two silo processes and a gateway process over a private Redis (membership) and PostgreSQL (grain state). The silo
/// holding a conversation is killed with SIGKILL between two turns; the conversation must carry on with its history.
/// </summary>
public sealed class SiloFailoverTests(PostgresServer postgres, RedisServer redis)
{
    private const string ConversationId = "c1";
    private static readonly TimeSpan s_turnTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_failoverTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ChatTurn_SiloHoldingConversationKilled_NextTurnSucceedsWithFullHistory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.Redis,
            ["Chatbot:Clustering:ConnectionString"] = redis.ConnectionString,
            ["Chatbot:Clustering:ClusterId"] = "failover-" + Guid.NewGuid().ToString("N"),
            ["Chatbot:Clustering:ServiceId"] = "failover-" + Guid.NewGuid().ToString("N"),
            ["Chatbot:Storage:Provider"] = StorageProviders.AdoNet,
            ["Chatbot:Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(cancellationToken: cancellationToken),
            ["Chatbot:Model:Embedded:WordDelayMs"] = "0",
        };
        await using var cluster = new ChatbotProcessCluster(settings);
        try
        {
            // 1. Two silos (they apply the PostgreSQL schema together at start-up) and a gateway in client mode.
            await Task.WhenAll(cluster.StartSiloAsync(cancellationToken), cluster.StartSiloAsync(cancellationToken));
            var gateway = await cluster.StartGatewayAsync(
                new Dictionary<string, string> { ["Chatbot:Auth:AllowAnonymous"] = "true" }, cancellationToken);
            using var http = new HttpClient { BaseAddress = gateway, Timeout = s_turnTimeout };

            // 2. A first turn, then find the silo that holds the conversation and kill it.
            Assert.Equal("done", (await ChatAsync(http, "hello", "turn-1", cancellationToken)).Type);
            var holder = await FindSiloHoldingConversationAsync(cluster, cancellationToken);
            holder.Process.Kill();

            // 3. The next turn succeeds on the surviving silo. Until membership declares the dead silo dead a call may
            //    fail; a client retries with the same request id, which the grain deduplicates.
            var second = await RetryUntilDoneAsync(http, "and a second question", "turn-2", cancellationToken);
            Assert.Equal("done", second.Type);

            // 4. The history holds both turns exactly once.
            using var conversation = await http.GetAsync(new Uri($"api/v1/conversations/{ConversationId}", UriKind.Relative), cancellationToken);
            conversation.EnsureSuccessStatusCode();
            var messages = (await conversation.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("messages")
                .EnumerateArray()
                .Select(m => (Role: m.GetProperty("role").GetString(), Content: m.GetProperty("content").GetString()))
                .ToList();
            Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.Role));
            Assert.Equal("hello", messages[0].Content);
            Assert.Equal("and a second question", messages[2].Content);
            Assert.All(messages.Where(m => m.Role == "assistant"), m => Assert.False(string.IsNullOrWhiteSpace(m.Content)));
        }
        catch
        {
            TestContext.Current.TestOutputHelper?.WriteLine(cluster.Report());
            throw;
        }
    }

    // Sends one turn and reads its SSE stream to the end; returns the last event (done or error).
    private static async Task<SseEvent> ChatAsync(HttpClient http, string question, string requestId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/chat/stream", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                conversation_id = ConversationId,
                messages = new[] { new { role = "user", content = question } },
            }),
        };
        request.Headers.Add("X-Request-ID", requestId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"chat returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }

        SseEvent? last = null;
        await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
        {
            last = e;
        }

        return last ?? throw new InvalidOperationException("The SSE stream ended without an event.");
    }

    private static async Task<SseEvent> RetryUntilDoneAsync(HttpClient http, string question, string requestId, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_failoverTimeout);
        using var backoff = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var started = Stopwatch.StartNew(); // reported, never asserted
        var failures = new List<string>();
        try
        {
            do
            {
                try
                {
                    var last = await ChatAsync(http, question, requestId, deadline.Token);
                    if (last.Type == "done")
                    {
                        TestContext.Current.TestOutputHelper?.WriteLine(
                            $"Turn succeeded {started.Elapsed.TotalSeconds:F1} s after the kill, after {failures.Count} failed attempts: {string.Join(" | ", failures)}");
                        return last;
                    }

                    failures.Add(last.Data);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    failures.Add(ex.Message);
                }
            }
            while (await backoff.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Falls through to the failure below.
        }

        throw new TimeoutException($"No turn succeeded within {s_failoverTimeout}; attempts: {string.Join(" | ", failures)}");
    }

    // Asks the cluster (as an Orleans client on the same Redis) which silo has the conversation grain activated.
    private static async Task<SiloProcess> FindSiloHoldingConversationAsync(ChatbotProcessCluster cluster, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(cluster.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.UseOrleansClient(client => client.AddChatbotClient(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var key = ConversationKey.Format(TenantId.Default, ConversationId);
            var statistics = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0)
                .GetDetailedGrainStatistics();
            var activation = Assert.Single(statistics, s => s.GrainId.Key.ToString() == key);
            return Assert.Single(cluster.Silos, s => s.SiloPort == activation.SiloAddress.Endpoint.Port);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
