using Chatbot.Knowledge.Indexing;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class SearchResultsTests
{
    [Fact]
    public void Merge_PartitionLists_ReturnsGlobalTopKWithIdTieBreak()
    {
        IReadOnlyList<ScoredChunk> first = [new("x", "d", 3), new("b", "d", 1)];
        IReadOnlyList<ScoredChunk> second = [new("y", "d", 3), new("a", "d", 2)];

        var merged = SearchResults.Merge([first, second], 3);

        Assert.Equal(["x", "y", "a"], merged.Select(h => h.ChunkId));
    }
}
