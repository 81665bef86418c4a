using System.Text;
using Chatbot.Knowledge;
using Xunit;

namespace Chatbot.Grains.Tests.Knowledge;

/// <summary>Steps shared by the knowledge grain tests: upload, and wait for indexing as a client would.</summary>
internal static class KnowledgeSteps
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Paragraphs(string topic, int count) => string.Join("\n\n", Enumerable.Range(0, count).Select(i =>
        $"Section {i} of the {topic} guide explains step {i} in detail, with the checks an operator runs afterwards."));

    public static Task<DocumentStatus> UploadAsync(IKnowledgeBaseGrain grain, string id, string fileName, string text) =>
        UploadAsync(grain, id, fileName, Encoding.UTF8.GetBytes(text));

    public static Task<DocumentStatus> UploadAsync(IKnowledgeBaseGrain grain, string id, string fileName, byte[] content) =>
        grain.UploadAsync(new DocumentUpload(id, fileName, "application/octet-stream", content.Length), content, Ct);

    public static async Task<DatasetStatus> WaitForAsync(IKnowledgeBaseGrain grain, Func<DatasetStatus, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_timeout);
        while (true)
        {
            var status = await grain.GetStatusAsync();
            if (status is not null && condition(status))
            {
                return status;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public static Task<DatasetStatus> WaitUntilSettledAsync(IKnowledgeBaseGrain grain) =>
        WaitForAsync(grain, s => s.InProgress == 0);
}
