using Chatbot.Evaluation.Retrieval;
using Xunit;

namespace Chatbot.Evaluation.Tests.Retrieval;

public sealed class BeirDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("beir-").FullName;

    [Fact]
    public void Load_QrelsWithHeaderInQrelsFolder_KeepsJudgedQueriesWithRelevantIds()
    {
        Write("corpus.jsonl", """
            {"_id": "d1", "title": "Paris", "text": "Capital of France."}

            {"_id": "d2", "text": "没有标题的段落。"}
            """);
        Write("queries.jsonl", """
            {"_id": "q1", "text": "What is the capital of France?", "answers": ["Paris"]}
            {"_id": "q2", "text": "Unjudged"}
            {"_id": "q3", "text": "段落"}
            """);
        Write(Path.Combine("qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq3\td2\t2\nq3\td1\t0\n");

        var dataset = BeirDataset.Load(_directory);

        Assert.Equal(Path.GetFileName(_directory), dataset.Name);
        Assert.Equal([new BeirDocument("d1", "Paris", "Capital of France."), new BeirDocument("d2", "", "没有标题的段落。")], dataset.Corpus);
        Assert.Equal(["q1", "q3"], dataset.Queries.Select(q => q.Id));
        Assert.Equal(["d1"], dataset.Queries[0].Relevant);
        Assert.Equal(["d2"], dataset.Queries[1].Relevant);
    }

    [Fact]
    public void Load_QrelsTestTsvWithoutHeader_IsRead()
    {
        Write("corpus.jsonl", """{"_id": "d1", "text": "x"}""");
        Write("queries.jsonl", """{"_id": "q1", "text": "x"}""");
        Write("qrels_test.tsv", "q1\td1\t1\n");

        var dataset = BeirDataset.Load(_directory);

        Assert.Equal(["d1"], Assert.Single(dataset.Queries).Relevant);
    }

    [Fact]
    public void Load_NoQrels_NamesTheFilesLookedFor()
    {
        Write("corpus.jsonl", """{"_id": "d1", "text": "x"}""");
        Write("queries.jsonl", """{"_id": "q1", "text": "x"}""");

        var error = Assert.Throws<FileNotFoundException>(() => BeirDataset.Load(_directory));

        Assert.Contains("qrels_test.tsv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorpusLineWithoutText_NamesFileAndLine()
    {
        Write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"x\"}\n{\"_id\": \"d2\"}\n");
        Write("queries.jsonl", """{"_id": "q1", "text": "x"}""");
        Write("qrels.tsv", "q1\td1\t1\n");

        var error = Assert.Throws<InvalidDataException>(() => BeirDataset.Load(_directory));

        Assert.Contains("corpus.jsonl:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'text'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_KeepsFirstQueriesTheirJudgedDocumentsAndSomeDistractors()
    {
        var corpus = Enumerable.Range(0, 10).Select(i => new BeirDocument($"d{i}", "", "x")).ToList();
        BeirQuery[] queries =
        [
            new("q1", "x", new HashSet<string> { "d9" }),
            new("q2", "x", new HashSet<string> { "d5" }),
            new("q3", "x", new HashSet<string> { "d0" }),
        ];

        var quick = new BeirDataset("set", corpus, queries).Take(2, distractors: 2);

        Assert.Equal(["q1", "q2"], quick.Queries.Select(q => q.Id));
        Assert.Equal(["d0", "d1", "d5", "d9"], quick.Corpus.Select(d => d.Id));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
