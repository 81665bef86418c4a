using System.Text;
using System.Text.Json;
using Chatbot.Testing.Documents;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Http;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Knowledge;

/// <summary>
/// The knowledge base as a user meets it: upload documents of every format through the API, ask, and get answers that
/// contain the fact and cite the document — in English and Chinese; deletes, replacements, tenants and restarts.
/// </summary>
public sealed class GroundedAnswerTests
{
    private static readonly (string File, string Type, Func<byte[]> Content, string Question, string Fact)[] s_formats =
    [
        ("falcon.txt", "text/plain", () => Utf8("Launch records\n\nThe Falcon-7 satellite was launched from Kourou in March 2019."),
            "Where was the Falcon-7 satellite launched from?", "Kourou"),
        ("x200.md", "text/markdown", () => Utf8("# Tools\n\n## Warranty\n\nThe X200 drill has a warranty period of 3 years."),
            "What is the warranty period of the X200 drill?", "3 years"),
        ("canteen.html", "text/html", () => Utf8("<html><body><nav>Home | About | Careers</nav><main><h1>Canteen</h1><p>The Lisbon office serves lunch at 12:30 every weekday.</p></main><footer>© Example</footer></body></html>"),
            "When does the Lisbon office serve lunch?", "12:30"),
        ("archive.pdf", "application/pdf", () => TestDocuments.Pdf(["Records policy", "Invoices are archived for exactly 7 years in the Oslo vault."]).ToArray(),
            "How long are invoices archived in the Oslo vault?", "7 years"),
        ("hotline.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            () => TestDocuments.Docx(null, TestDocuments.Paragraph("Emergencies", "Heading1"), TestDocuments.Paragraph("The emergency hotline number is 555-0199.")).ToArray(),
            "What is the emergency hotline number?", "555-0199"),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(string Answer, List<JsonElement> Refs)> AskAsync(HttpClient client, string question, string? token = null, string? dataset = null)
    {
        var request = ChatRequest("kb-" + Guid.NewGuid().ToString("N"), question, token: token);
        if (dataset is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new { conversation_id = "kb-" + Guid.NewGuid().ToString("N"), dataset_ids = new[] { dataset }, messages = new[] { new { role = "user", content = question } } });
        }

        var events = await ChatAsync(client, request);
        Assert.Equal("done", events[^1].Type);
        var refs = events.Single(e => e.Type == "refs").Json.GetProperty("references").EnumerateArray().ToList();
        return (Text(events), refs);
    }

    private static async Task UploadAndIndexAsync(HttpClient client, string? token, string? dataset, params (string File, string Type, byte[] Content)[] files)
    {
        using var upload = await UploadAsync(client, token, dataset, null, files);
        Assert.Equal(202, (int)upload.StatusCode);
        var status = await WaitUntilSettledAsync(client, token, dataset ?? "default");
        Assert.Equal(files.Length, status.GetProperty("done").GetInt32());
        Assert.All(status.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("chunk_count").GetInt32() > 0));
    }

    [Fact]
    public async Task Ask_EachFormatUploaded_AnswerContainsTheFactAndRefsCiteThatDocument()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await UploadAndIndexAsync(host.Client, null, null, s_formats.Select(f => (f.File, f.Type, f.Content())).ToArray());

        foreach (var (file, _, _, question, fact) in s_formats)
        {
            var (answer, refs) = await AskAsync(host.Client, question);

            Assert.Contains(fact, answer, StringComparison.Ordinal);
            Assert.Contains(refs, r => r.GetProperty("document_id").GetString() == file);
            Assert.All(refs, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("snippet").GetString())));
        }
    }

    [Fact]
    public async Task Ask_ChineseKnowledgeBase_AnswersInChineseWithCitation()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await UploadAndIndexAsync(host.Client, null, "zh",
            ("门禁.txt", "text/plain", Utf8("办公室管理规定\n\n深圳办公室的门禁密码每季度更换一次。访客需要在前台登记。")),
            ("差旅.md", "text/markdown", Utf8("# 差旅\n\n出差住宿标准为每晚不超过六百元。")));

        var (answer, refs) = await AskAsync(host.Client, "深圳办公室的门禁密码多久更换一次？", dataset: "zh");

        Assert.Contains("每季度", answer, StringComparison.Ordinal);
        Assert.Contains(refs, r => r.GetProperty("document_id").GetString() == "门禁.txt");
    }

    [Fact]
    public async Task Ask_AfterDeleteAndReupload_AnswersFollowTheKnowledgeBase()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        const string question = "What is the parking fee at the Berlin office?";
        await UploadAndIndexAsync(host.Client, null, null, ("parking.txt", "text/plain", Utf8("The parking fee at the Berlin office is 4 euros per day.")));
        var before = await AskAsync(host.Client, question);

        await UploadAndIndexAsync(host.Client, null, null, ("parking.txt", "text/plain", Utf8("The parking fee at the Berlin office is 9 euros per day since May.")));
        var replaced = await AskAsync(host.Client, question);

        using var delete = await host.Client.SendAsync(Raw(HttpMethod.Delete, "api/v1/knowledge/datasets/default/documents/parking.txt"), Ct);
        var deleted = await AskAsync(host.Client, question);

        Assert.Contains("4 euros", before.Answer, StringComparison.Ordinal);
        Assert.Contains("9 euros", replaced.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("4 euros", replaced.Answer, StringComparison.Ordinal);
        Assert.Equal(204, (int)delete.StatusCode);
        Assert.DoesNotContain(deleted.Refs, r => r.GetProperty("document_id").GetString() == "parking.txt");
        Assert.DoesNotContain("euros", deleted.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TenantB_NeverSeesTenantAKnowledge()
    {
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        var a = TestTokens.For("kb-tenant-a");
        var b = TestTokens.For("kb-tenant-b");
        const string question = "What is the code name of the secret project?";
        await UploadAndIndexAsync(host.Client, a, null, ("secret.txt", "text/plain", Utf8("The code name of the secret project is BLUEHERON.")));

        var answerA = await AskAsync(host.Client, question, a);
        var answerB = await AskAsync(host.Client, question, b);

        Assert.Contains("BLUEHERON", answerA.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("BLUEHERON", answerB.Answer, StringComparison.Ordinal);
        Assert.Empty(answerB.Refs);
    }

    [Fact]
    public async Task Ask_AfterRestart_AnswersFromTheStoredIndexWithoutReindexing()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chatbot-kb-restart-").FullName;
        try
        {
            JsonElement indexed;
            await using (var first = await GatewayHost.StartAsync(dataDirectory: dataDirectory, cancellationToken: Ct))
            {
                await UploadAndIndexAsync(first.Client, null, null, ("ferry.txt", "text/plain", Utf8("The staff ferry to the island leaves at 07:15 from pier 4.")));
                indexed = await GetJsonAsync(first.Client, "api/v1/knowledge/status/default");
            }

            await using var second = await GatewayHost.StartAsync(dataDirectory: dataDirectory, cancellationToken: Ct);
            var (answer, refs) = await AskAsync(second.Client, "When does the staff ferry leave?");
            var status = await GetJsonAsync(second.Client, "api/v1/knowledge/status/default");

            Assert.Contains("07:15", answer, StringComparison.Ordinal);
            Assert.Contains(refs, r => r.GetProperty("document_id").GetString() == "ferry.txt");
            Assert.Equal(0, status.GetProperty("in_progress").GetInt32());
            Assert.Equal(Doc(indexed).GetProperty("indexed_at").GetString(), Doc(status).GetProperty("indexed_at").GetString());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        static JsonElement Doc(JsonElement status) => status.GetProperty("documents")[0];
    }

    [Fact]
    public async Task Ask_QuestionTheKnowledgeCannotAnswer_SaysItDoesNotKnowAndQueuesItForReview()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await UploadAndIndexAsync(host.Client, null, null, ("ferry.txt", "text/plain", Utf8("The staff ferry to the island leaves at 07:15 from pier 4.")));

        var (answer, refs) = await AskAsync(host.Client, "Who designed the corporate logo?");
        // The review queue is written one-way, off the answer's path: wait for it as a reviewer's page would.
        var review = await WaitForJsonAsync(host.Client, "api/v1/knowledge/unanswered", null, r => r.GetProperty("items").GetArrayLength() > 0);

        Assert.StartsWith("I don't know", answer, StringComparison.Ordinal);
        Assert.Empty(refs);
        Assert.Contains(review.GetProperty("items").EnumerateArray(), q => q.GetProperty("question").GetString() == "Who designed the corporate logo?");
    }
}
