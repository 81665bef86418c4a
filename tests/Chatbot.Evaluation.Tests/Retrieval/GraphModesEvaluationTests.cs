using System.Text.Json;
using Chatbot.Evaluation.Retrieval;
using Xunit;

namespace Chatbot.Evaluation.Tests.Retrieval;

/// <summary>
/// The retrieval command's graph modes on a small two-hop fixture, through an in-process silo as on the real data: a
/// bridge question's second paragraph shares no word with the question, so BM25 cannot find it and the graph can.
/// </summary>
public sealed class GraphModesEvaluationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("beir-graph-").FullName;

    [Fact]
    public async Task RunAsync_BridgeQuestions_GraphModesAddTheParagraphBm25Misses()
    {
        Write("corpus.jsonl", string.Join('\n',
            Doc("d1", "Kestrel Engine", "The Kestrel Engine is produced by Vireo Systems."),
            Doc("d2", "Vireo Systems", "Vireo Systems has its headquarters in Oslo."),
            Doc("d3", "Project Heron", "Bob Jones leads Project Heron."),
            Doc("d4", "Bob Jones", "Bob Jones is a member of the Quill Society."),
            Doc("d5", "Annie Morton", "Annie Morton was born in 1970. She is a model."),
            Doc("d6", "Terry Richardson", "Terry Richardson was born in 1965. He is a photographer."),
            Doc("d7", "Engines", "An engine converts energy into motion; a kestrel is a small falcon."),
            Doc("d8", "Projects", "A project is led by a person with a plan.")));
        Write("queries.jsonl", string.Join('\n',
            """{"_id": "q1", "text": "Where is the company that produces the Kestrel Engine based?", "answers": ["Oslo"]}""",
            """{"_id": "q2", "text": "Which group is the person leading Project Heron a member of?", "answers": ["Quill Society"]}""",
            """{"_id": "q3", "text": "Who is older, Annie Morton or Terry Richardson?", "answers": ["Terry Richardson"]}"""));
        Write("qrels.tsv", "q1\td1\t1\nq1\td2\t1\nq2\td3\t1\nq2\td4\t1\nq3\td5\t1\nq3\td6\t1\n");

        var results = await RetrievalCommand.RunAsync(
            RetrievalOptions.Parse(["--dataset", _directory, "--mode", "bm25,graph,hybrid+graph", "--k", "5", "--by-kind", "--partitions", "2"]),
            TestContext.Current.CancellationToken);

        var byMode = results.ToDictionary(r => r.Mode, r => JsonDocument.Parse(r.ToJsonLine()).RootElement);
        double Bridge(string mode) => byMode[mode].GetProperty("bridge").GetProperty("recall@5").GetDouble();
        Assert.Equal(["bm25", "graph", "hybrid+graph"], results.Select(r => r.Mode));
        Assert.Equal(2, byMode["bm25"].GetProperty("bridge").GetProperty("queries").GetInt32());
        Assert.Equal(1, byMode["bm25"].GetProperty("comparison").GetProperty("queries").GetInt32());
        Assert.True(Bridge("bm25") < 1.0, $"BM25 should miss a bridge paragraph: {byMode["bm25"]}");
        Assert.Equal(1.0, Bridge("graph"));
        Assert.Equal(1.0, Bridge("hybrid+graph"));
        Assert.True(byMode["hybrid+graph"].GetProperty("recall@5").GetDouble() >= byMode["bm25"].GetProperty("recall@5").GetDouble());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Doc(string id, string title, string text) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["_id"] = id, ["title"] = title, ["text"] = text,
    });

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory, name), content);
}
