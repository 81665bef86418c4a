using System.Text;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Knowledge;

/// <summary>Single-machine mode: an index job cut short by a restart finishes after it without anyone asking.</summary>
public sealed class IndexJobRestartTests
{
    [Fact]
    public async Task Restart_MidIndexJob_JobResumesOnItsOwnAndTheDocumentBecomesSearchable()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chatbot-kb-resume-").FullName;
        var settings = new Dictionary<string, string> { ["Chatbot:Knowledge:IndexJobReminderPeriod"] = "00:00:02" };
        try
        {
            // 1. The job is held inside embedding when the host stops (gracefully, as a deploy would).
            var first = new HoldingEmbeddingGenerator();
            await using (var host = await StartAsync(dataDirectory, settings, first))
            {
                using var upload = await UploadAsync(host.Client, null, null, null,
                    ("ferry.txt", "text/plain", Encoding.UTF8.GetBytes($"The staff ferry leaves at 07:15 from pier 4. {HoldingEmbeddingGenerator.HoldMarker}")));
                Assert.Equal(202, (int)upload.StatusCode);
                await first.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            }

            // 2. The new host is not asked anything about the dataset: only the persisted reminder can bring the job back,
            // which it shows by reaching the embedder again.
            var second = new HoldingEmbeddingGenerator();
            await using var restarted = await StartAsync(dataDirectory, settings, second);
            await second.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            second.Release();
            var status = await WaitUntilSettledAsync(restarted.Client, null, "default");

            Assert.Equal(1, status.GetProperty("done").GetInt32());
            Assert.True(status.GetProperty("documents")[0].GetProperty("chunk_count").GetInt32() > 0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Task<GatewayHost> StartAsync(string dataDirectory, Dictionary<string, string> settings, HoldingEmbeddingGenerator embeddings) =>
        GatewayHost.StartAsync(settings, dataDirectory: dataDirectory, cancellationToken: Ct,
            services: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings));
}
