using Chatbot.Evaluation.Retrieval;
using Xunit;

namespace Chatbot.Evaluation.Tests.Retrieval;

public sealed class RetrievalOptionsTests
{
    [Fact]
    public void Parse_AllOptions_AreRead()
    {
        var options = RetrievalOptions.Parse(["--dataset", "/data/set", "--mode", "bm25", "--k", "20", "--limit", "50", "--partitions", "2"]);

        Assert.Equal("/data/set", options.Dataset);
        Assert.Equal(["bm25"], options.Modes);
        Assert.Equal((20, 50, 2), (options.K, options.Limit, options.Partitions));
    }

    [Fact]
    public void Parse_OnlyDataset_DefaultsToHybridTop10()
    {
        var options = RetrievalOptions.Parse(["--dataset", "d"]);

        Assert.Equal(["hybrid"], options.Modes);
        Assert.Equal(10, options.K);
        Assert.Null(options.Limit);
    }

    [Theory]
    [InlineData("--mode", "graphs", "'--mode'")]
    [InlineData("--hops", "6", "'--hops'")]
    [InlineData("--k", "0", "'--k'")]
    [InlineData("--bogus", "1", "'--bogus'")]
    public void Parse_BadArgument_NamesIt(string option, string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalOptions.Parse(["--dataset", "d", option, value]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralModes_KeepsTheirOrder()
    {
        Assert.Equal(["bm25", "dense", "hybrid"], RetrievalOptions.Parse(["--dataset", "d", "--mode", "bm25,dense,hybrid"]).Modes);
    }

    [Fact]
    public void Parse_GraphModesHopsAndByKind_AreRead()
    {
        var options = RetrievalOptions.Parse(["--dataset", "d", "--mode", "hybrid,graph,hybrid+graph", "--hops", "3", "--by-kind"]);

        Assert.Equal(["hybrid", "graph", "hybrid+graph"], options.Modes);
        Assert.Equal(3, options.Hops);
        Assert.True(options.ByKind);
        Assert.True(options.NeedsGraph);
        Assert.False(RetrievalOptions.Parse(["--dataset", "d", "--mode", "bm25,hybrid"]).NeedsGraph);
    }

    [Fact]
    public void Parse_NoDataset_Throws()
    {
        Assert.Throws<ArgumentException>(() => RetrievalOptions.Parse(["--mode", "dense"]));
    }

    [Theory]
    [InlineData("hotpotqa_dev500", "hotpotqa_dev500")]
    [InlineData("my data/set", "my-data-set")]
    public void DatasetId_FolderName_IsAValidDatasetId(string name, string expected)
    {
        Assert.Equal(expected, RetrievalCommand.DatasetId(name));
    }
}
