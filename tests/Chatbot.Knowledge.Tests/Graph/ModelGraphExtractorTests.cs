using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class ModelGraphExtractorTests
{
    private const string Text = "The Orion Group is funded by the Helios Foundation.";

    private const string GoodReply = """
        ```json
        {"entities":[{"name":"Orion Group","type":"organization","aliases":["Orion"]},{"name":"Helios Foundation","type":"organization"}],
         "relations":[{"source":"Orion Group","relation":"funded_by","target":"Helios Foundation","confidence":0.9,"evidence":"Orion Group is funded by the Helios Foundation"}]}
        ```
        """;

    [Fact]
    public async Task ExtractAsync_InvalidJsonThenValid_RetriesWithTheParseError()
    {
        var model = new QueuedChatClient("""{"entities": [ {"name": "Orion Group", """, GoodReply);
        var extractor = new ModelGraphExtractor(model);

        var extraction = await extractor.ExtractAsync(Text, TestContext.Current.CancellationToken);

        Assert.Equal(2, model.Prompts.Count);
        var retry = model.Prompts[1];
        Assert.Equal(ChatRole.Assistant, retry[^2].Role);
        Assert.Contains("invalid JSON", retry[^1].Text, StringComparison.Ordinal);
        Assert.Equal(ChatResponseFormat.Json, model.Options[0]?.ResponseFormat);
        var relation = Assert.Single(extraction.Relations);
        Assert.Equal(("Orion Group", RelationType.FundedBy, "Helios Foundation", 0.9), (relation.Source, relation.Relation, relation.Target, relation.Confidence));
        Assert.Equal("Orion Group is funded by the Helios Foundation", Text[relation.EvidenceStart..relation.EvidenceEnd]);
        Assert.Equal(["Orion"], extraction.Entities[0].Aliases);
    }

    [Fact]
    public async Task ExtractAsync_UnknownTypes_DroppedOrMappedAndConfidenceClamped()
    {
        var model = new QueuedChatClient("""
            {"entities":[{"name":"Orion Group","type":"company"},{"name":"Helios Foundation","type":"organization"},{"name":"Zeus","type":"deity"}],
             "relations":[{"source":"Helios Foundation","relation":"funds","target":"Orion Group","confidence":7},
                          {"source":"Orion Group","relation":"worships","target":"Helios Foundation","confidence":0.9},
                          {"source":"Zeus","relation":"leads","target":"Orion Group","confidence":0.9},
                          {"source":"Orion Group","relation":"located_in","target":"Athens"}]}
            """);
        var extractor = new ModelGraphExtractor(model);

        var extraction = await extractor.ExtractAsync(Text, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(extraction.Entities, e => e.Name == "Zeus");
        Assert.Equal(EntityType.Organization, extraction.Entities.Single(e => e.Name == "Orion Group").Type);
        Assert.Equal(EntityType.Location, extraction.Entities.Single(e => e.Name == "Athens").Type);
        Assert.Collection(extraction.Relations,
            r => Assert.Equal(("Orion Group", RelationType.FundedBy, "Helios Foundation", 1.0), (r.Source, r.Relation, r.Target, r.Confidence)),
            r => Assert.Equal(("Orion Group", RelationType.LocatedIn, "Athens", 0.5), (r.Source, r.Relation, r.Target, r.Confidence)));
    }

    [Fact]
    public async Task ExtractAsync_MissingArray_RetriedAsInvalid()
    {
        var model = new QueuedChatClient("""{"entities":[]}""", """{"entities":[],"relations":[]}""");

        var extraction = await new ModelGraphExtractor(model).ExtractAsync(Text, TestContext.Current.CancellationToken);

        Assert.Empty(extraction.Entities);
        Assert.Contains("\"relations\"", model.Prompts[1][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_NeverValid_ThrowsAfterMaxAttempts()
    {
        var model = new QueuedChatClient("no", "still no", "never");
        var extractor = new ModelGraphExtractor(model, new ModelGraphExtractorOptions { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<GraphExtractionException>(() => extractor.ExtractAsync(Text, TestContext.Current.CancellationToken));

        Assert.Equal(3, model.Prompts.Count);
        Assert.Contains("no JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_PromptListsTheSchema()
    {
        var model = new QueuedChatClient("""{"entities":[],"relations":[]}""");

        await new ModelGraphExtractor(model).ExtractAsync(Text, TestContext.Current.CancellationToken);

        var system = model.Prompts[0][0].Text;
        Assert.All(GraphSchema.EntityTypes, e => Assert.Contains($"- {e.Name}: {e.Description}", system, StringComparison.Ordinal));
        Assert.All(GraphSchema.RelationTypes, r => Assert.Contains($"- {r.Name}: {r.Description}", system, StringComparison.Ordinal));
        Assert.EndsWith(Text, model.Prompts[0][1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_BlankText_NoModelCall()
    {
        var model = new QueuedChatClient();

        var extraction = await new ModelGraphExtractor(model).ExtractAsync("  \n", TestContext.Current.CancellationToken);

        Assert.Empty(extraction.Entities);
        Assert.Empty(model.Prompts);
    }
}
