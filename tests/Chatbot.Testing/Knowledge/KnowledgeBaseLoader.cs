using System.Text;
using Chatbot.Knowledge;

namespace Chatbot.Testing.Knowledge;

/// <summary>
/// Fills a knowledge base the way the upload endpoint does: each document through
/// <see cref="IKnowledgeBaseGrain.UploadAsync"/> as a text file, then waits until the index job has finished every one.
/// </summary>
public static class KnowledgeBaseLoader
{
    // Uploads in flight at once: enough to hide the round trip, few enough that the grain's queue stays short.
    private const int UploadsInFlight = 32;

    private static readonly TimeSpan s_statusInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Uploads <paramref name="documents"/> to the knowledge base <paramref name="tenant"/>/<paramref name="dataset"/>
    /// and returns its status once no document is pending or indexing. <paramref name="progress"/> gets the status
    /// each time it is read.
    /// </summary>
    public static async Task<DatasetStatus> UploadAndWaitAsync(
        IGrainFactory grains,
        string tenant,
        string dataset,
        IEnumerable<TextDocument> documents,
        Action<DatasetStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(documents);
        var knowledgeBase = grains.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(tenant, dataset));
        var expected = 0;
        await Parallel.ForEachAsync(
            documents,
            new ParallelOptions { MaxDegreeOfParallelism = UploadsInFlight, CancellationToken = cancellationToken },
            async (document, token) =>
            {
                var content = Encoding.UTF8.GetBytes(document.Text);
                var upload = new DocumentUpload(document.Id, document.Id + ".txt", "text/plain", content.Length);
                await knowledgeBase.UploadAsync(upload, content, token);
                Interlocked.Increment(ref expected);
            });

        // The index job runs on its own after the uploads return; its progress is only visible through the status.
        while (true)
        {
            var status = await knowledgeBase.GetStatusAsync()
                ?? throw new InvalidOperationException($"Knowledge base {tenant}/{dataset} has no status after {expected} uploads.");
            progress?.Invoke(status);
            if (status.InProgress == 0 && status.Total >= expected)
            {
                return status;
            }

            await Task.Delay(s_statusInterval, cancellationToken);
        }
    }
}
