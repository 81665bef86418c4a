using Chatbot.Knowledge.Graph.Communities;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class ModelCommunitySummaryWriterTests
{
    private static readonly (string, string)[] Documents =
    [
        ("lab-1", "Bruno Costa leads the Vega Lab. The Vega Lab is located in Lisbon."),
        ("lab-2", "The Vega Lab collaborates with the Lisbon Institute. Bruno Costa is a member of the Lisbon Institute."),
        ("bank-1", "Mara Lind leads the Nordbank. The Nordbank is located in Oslo."),
        ("bank-2", "The Nordbank is funded by the Fjord Trust. Mara Lind is a member of the Fjord Trust."),
    ];

    private static readonly Dictionary<string, string> Texts = Documents.ToDictionary(d => d.Item1 + ":0", d => d.Item2);

    [Fact]
    public async Task SummarizeAsync_ModelReplies_PromptHoldsTheCommunityAndTheReplyIsTheSummary()
    {
        const string lab = "Bruno Costa leads the Vega Lab in Lisbon, which works with the Lisbon Institute.";
        const string bank = "Mara Lind leads the Nordbank in Oslo, funded by the Fjord Trust.";
        var client = new PromptChatClient(prompt => prompt.Contains("Vega Lab", StringComparison.Ordinal) ? lab : bank);

        var summaries = await Detect().SummarizeAsync(Texts.GetValueOrDefault, new ModelCommunitySummaryWriter(client), 2,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, summaries.Count);
        var vega = Assert.Single(summaries, s => s.Entities.Any(e => e.Name == "Vega Lab"));
        Assert.Equal(lab, vega.Text);
        Assert.Equal(bank, Assert.Single(summaries, s => s != vega).Text);
        var prompt = Assert.Single(client.Prompts, p => p.Contains("Vega Lab", StringComparison.Ordinal));
        Assert.All(vega.Entities, e => Assert.Contains(e.Name, prompt, StringComparison.Ordinal));
        Assert.Contains("Bruno Costa leads Vega Lab", prompt, StringComparison.Ordinal);
        Assert.Contains("Bruno Costa leads the Vega Lab.", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Nordbank", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_LongReply_KeepsThreeSentences()
    {
        var client = new PromptChatClient(_ => "One is here. Two is here. Three is here. Four is here. Five is here.");

        var summaries = await Detect().SummarizeAsync(Texts.GetValueOrDefault, new ModelCommunitySummaryWriter(client), 1,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(summaries, s => Assert.Equal("One is here. Two is here. Three is here.", s.Text));
    }

    [Fact]
    public async Task SummarizeAsync_ModelFails_ExtractiveSummaryStandsIn()
    {
        var extractive = Detect().Summarize(Texts.GetValueOrDefault);

        var summaries = await Detect().SummarizeAsync(Texts.GetValueOrDefault, new ModelCommunitySummaryWriter(new QueuedChatClient()), 1,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(extractive.Select(s => (s.Level, s.Id, s.Title, s.Text)), summaries.Select(s => (s.Level, s.Id, s.Title, s.Text)));
        Assert.Equal(extractive.SelectMany(s => s.Chunks), summaries.SelectMany(s => s.Chunks));
    }

    [Fact]
    public async Task SummarizeAsync_ModelNeverAnswers_ExtractiveSummaryStandsInAfterTheTimeout()
    {
        var extractive = Detect().Summarize(Texts.GetValueOrDefault);
        var writer = new ModelCommunitySummaryWriter(new SilentChatClient(), new CommunitySummaryOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        var summaries = await Detect().SummarizeAsync(Texts.GetValueOrDefault, writer, 2,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(extractive.Select(s => s.Text), summaries.Select(s => s.Text));
    }

    [Fact]
    public async Task SummarizeAsync_ExtractiveWriter_SameAsSummarize()
    {
        var expected = Detect().Summarize(Texts.GetValueOrDefault);

        var summaries = await Detect().SummarizeAsync(Texts.GetValueOrDefault, new ExtractiveCommunitySummaryWriter(), 4,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.Select(s => (s.Level, s.Id, s.Title, s.Text)), summaries.Select(s => (s.Level, s.Id, s.Title, s.Text)));
    }

    private static DatasetCommunities Detect()
    {
        var graph = GraphFixture.Build(1, Documents);
        return DatasetCommunities.Detect(graph.Shards[0].Nodes, graph.Shards[0].Edges.ToList(), new CommunityOptions(), 10, 3);
    }

    // Answers from the user prompt's text; thread-safe, as the writer calls it for several communities at once.
    private sealed class PromptChatClient(Func<string, string> reply) : IChatClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _prompts = new();

        public IReadOnlyList<string> Prompts => _prompts.ToList();

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = messages.Single(m => m.Role == ChatRole.User).Text;
            _prompts.Enqueue(prompt);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(prompt))));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class SilentChatClient : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable.");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
