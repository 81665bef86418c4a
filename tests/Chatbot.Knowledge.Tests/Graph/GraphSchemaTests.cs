using System.Text.RegularExpressions;
using Chatbot.Knowledge.Graph;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class GraphSchemaTests
{
    [Fact]
    public void EntityTypes_TenDescribedTypesInEnumOrder()
    {
        Assert.Equal(
            ["person", "organization", "product", "location", "concept", "process", "event", "time", "document", "metric"],
            GraphSchema.EntityTypes.Select(e => e.Name));
        Assert.All(GraphSchema.EntityTypes, e => Assert.Same(e, GraphSchema.Entity(e.Type)));
        Assert.All(GraphSchema.EntityTypes, e => Assert.True(e.Description.Length > 20));
        Assert.Equal(GraphSchema.EntityTypes.Count, GraphSchema.EntityTypes.Select(e => e.ChineseName).Distinct().Count());
        Assert.Equal(Enum.GetValues<EntityType>().Length, GraphSchema.EntityTypes.Count);
    }

    [Fact]
    public void RelationTypes_FifteenDescribedTypesWithBothPhrasings()
    {
        Assert.Equal(
            ["is_a", "part_of", "contains", "implements", "leads", "member_of", "belongs_to", "funded_by", "located_in",
             "founded_by", "collaborates_with", "causes", "depends_on", "produces", "related_to"],
            GraphSchema.RelationTypes.Select(r => r.Name));
        Assert.All(GraphSchema.RelationTypes, r =>
        {
            Assert.Same(r, GraphSchema.Relation(r.Type));
            Assert.Matches(new Regex("^[a-z]+(_[a-z]+)*$"), r.Name);
            Assert.True(r.Description.Length > 20);
            Assert.NotEmpty(r.Phrase);
            Assert.NotEmpty(r.InversePhrase);
            Assert.NotEmpty(r.SourceTypes);
            Assert.NotEmpty(r.TargetTypes);
            Assert.NotEmpty(r.QueryCues);
        });
        Assert.Equal(Enum.GetValues<RelationType>().Length, GraphSchema.RelationTypes.Count);
    }

    [Theory]
    [InlineData("funded_by", RelationType.FundedBy)]
    [InlineData("FundedBy", RelationType.FundedBy)]
    [InlineData("funded by", RelationType.FundedBy)]
    [InlineData("Collaborates-With", RelationType.CollaboratesWith)]
    [InlineData("is_a", RelationType.IsA)]
    public void TryParseRelationType_AcceptsSpellings(string name, RelationType expected)
    {
        Assert.True(GraphSchema.TryParseRelationType(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("Organization", EntityType.Organization)]
    [InlineData(" metric ", EntityType.Metric)]
    [InlineData("概念", EntityType.Concept)]
    [InlineData("流程", EntityType.Process)]
    [InlineData("组织", EntityType.Organization)]
    public void TryParseEntityType_AcceptsSpellings(string name, EntityType expected)
    {
        Assert.True(GraphSchema.TryParseEntityType(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("company")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseEntityType_NotInSchema_False(string? name) => Assert.False(GraphSchema.TryParseEntityType(name, out _));
}
