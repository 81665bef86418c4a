using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Bm25;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class Bm25SerializationTests
{
    [Fact]
    public void WriteTo_ReadFrom_RoundTripsStatisticsAndResults()
    {
        var corpus = RandomCorpus.Create(new Random(3), 300, vocabulary: 80);
        var index = new Bm25Index();
        foreach (var (chunk, terms) in corpus)
        {
            index.Add(chunk, terms);
        }

        index.RemoveDocument("doc-4");
        using var stream = new MemoryStream();

        index.WriteTo(stream);
        stream.Position = 0;
        var loaded = Bm25Index.ReadFrom(stream);

        var query = Bm25Query.FromTerms(["t0", "t3", "t17", "t55"]);
        var filter = new SearchFilter { From = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(index.TotalLength, loaded.TotalLength);
        Assert.Equal(index.GetStatistics(query.DistinctTerms).DocumentFrequencies, loaded.GetStatistics(query.DistinctTerms).DocumentFrequencies);
        Assert.Equal(index.Search(query, 50, filter), loaded.Search(query, 50, filter));
        Assert.False(loaded.Contains("c4"));
    }

    [Fact]
    public void ReadFrom_OtherFormat_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        new Chatbot.Knowledge.Indexing.Vectors.VectorIndex(4).WriteTo(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => Bm25Index.ReadFrom(stream));
    }
}
