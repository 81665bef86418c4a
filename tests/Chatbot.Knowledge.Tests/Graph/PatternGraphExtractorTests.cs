using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Extraction;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class PatternGraphExtractorTests
{
    private readonly PatternGraphExtractor _extractor = new();

    [Theory]
    [InlineData("Alice Smith leads Project Falcon.", "Alice Smith", "leads", "Project Falcon")]
    [InlineData("Project Falcon is led by Alice Smith.", "Alice Smith", "leads", "Project Falcon")]
    [InlineData("Alice Smith, the head of the Orion Group, spoke on Monday.", "Alice Smith", "leads", "Orion Group")]
    [InlineData("The Orion Group's CEO Alice Smith spoke on Monday.", "Alice Smith", "leads", "Orion Group")]
    [InlineData("Alice Smith is a member of the Orion Group.", "Alice Smith", "member_of", "Orion Group")]
    [InlineData("Bob Stone joined Acme Corp in March.", "Bob Stone", "member_of", "Acme Corp")]
    [InlineData("The Orion Group is funded by the Helios Foundation.", "Orion Group", "funded_by", "Helios Foundation")]
    [InlineData("The Helios Foundation funds the Orion Group.", "Orion Group", "funded_by", "Helios Foundation")]
    [InlineData("Acme Corp is located in Berlin.", "Acme Corp", "located_in", "Berlin")]
    [InlineData("Acme Corp was founded by Jane Roe.", "Acme Corp", "founded_by", "Jane Roe")]
    [InlineData("Jane Roe founded Acme Corp.", "Acme Corp", "founded_by", "Jane Roe")]
    [InlineData("The Billing Service is part of the Payments Platform.", "Billing Service", "part_of", "Payments Platform")]
    [InlineData("The Billing Service depends on the Ledger Database.", "Billing Service", "depends_on", "Ledger Database")]
    [InlineData("Acme Corp produces the Falcon Drone.", "Acme Corp", "produces", "Falcon Drone")]
    [InlineData("The Falcon Drone is manufactured by Acme Corp.", "Acme Corp", "produces", "Falcon Drone")]
    [InlineData("Acme Corp collaborates with Globex.", "Acme Corp", "collaborates_with", "Globex")]
    [InlineData("The Payments Platform contains the Billing Service.", "Payments Platform", "contains", "Billing Service")]
    [InlineData("The Ledger Service implements the ISO 20022 Standard.", "Ledger Service", "implements", "ISO 20022 Standard")]
    [InlineData("The Outage caused the Refund Backlog.", "Outage", "causes", "Refund Backlog")]
    [InlineData("Python is a programming language.", "Python", "is_a", "programming language")]
    [InlineData("Acme Corp belongs to Globex.", "Acme Corp", "belongs_to", "Globex")]
    public void Extract_EnglishWording_StatesRelation(string text, string source, string relation, string target)
    {
        var extraction = _extractor.Extract(text, TestContext.Current.CancellationToken);

        AssertRelation(extraction, source, relation, target);
    }

    [Theory]
    [InlineData("张伟领导猎鹰项目。", "张伟", "leads", "猎鹰项目")]
    [InlineData("猎鹰项目由张伟领导。", "张伟", "leads", "猎鹰项目")]
    [InlineData("张伟是猎户座集团的成员。", "张伟", "member_of", "猎户座集团")]
    [InlineData("李娜加入了猎户座集团。", "李娜", "member_of", "猎户座集团")]
    [InlineData("研发部隶属于猎户座集团。", "研发部", "belongs_to", "猎户座集团")]
    [InlineData("猎户座集团由太阳神基金会资助。", "猎户座集团", "funded_by", "太阳神基金会")]
    [InlineData("太阳神基金会资助猎户座集团。", "猎户座集团", "funded_by", "太阳神基金会")]
    [InlineData("猎户座集团位于上海市。", "猎户座集团", "located_in", "上海市")]
    [InlineData("猎户座集团由王芳创立。", "猎户座集团", "founded_by", "王芳")]
    [InlineData("支付模块是结算系统的一部分。", "支付模块", "part_of", "结算系统")]
    [InlineData("结算系统依赖账本数据库。", "结算系统", "depends_on", "账本数据库")]
    [InlineData("猎户座集团生产猎鹰无人机。", "猎户座集团", "produces", "猎鹰无人机")]
    [InlineData("猎户座集团与天狼星公司合作。", "猎户座集团", "collaborates_with", "天狼星公司")]
    [InlineData("项目管理包含敏捷方法。", "项目管理", "contains", "敏捷方法")]
    [InlineData("敏捷开发实现Scrum。", "敏捷开发", "implements", "Scrum")]
    [InlineData("项目管理包含敏捷开发。", "项目管理", "contains", "敏捷开发")]
    [InlineData("项目管理包含敏捷开发，敏捷开发实现Scrum。", "项目管理", "contains", "敏捷开发")]
    public void Extract_ChineseWording_StatesRelation(string text, string source, string relation, string target)
    {
        var extraction = _extractor.Extract(text, TestContext.Current.CancellationToken);

        AssertRelation(extraction, source, relation, target);
    }

    [Fact]
    public void Extract_TypesEntitiesFromFormAndRelations()
    {
        var extraction = _extractor.Extract(
            "Dr. Jane Roe leads Project Falcon at the Helios Foundation. The Falcon Report was published on March 3, 2024. " +
            "Revenue grew 15% to $3 million. 王先生是猎户座集团的成员。",
            TestContext.Current.CancellationToken);

        var types = extraction.Entities.ToDictionary(e => e.Name, e => e.Type);
        Assert.Equal(EntityType.Person, types["Dr. Jane Roe"]);
        Assert.Equal(EntityType.Process, types["Project Falcon"]);
        Assert.Equal(EntityType.Organization, types["Helios Foundation"]);
        Assert.Equal(EntityType.Document, types["Falcon Report"]);
        Assert.Equal(EntityType.Time, types["March 3, 2024"]);
        Assert.Equal(EntityType.Metric, types["15%"]);
        Assert.Equal(EntityType.Metric, types["$3 million"]);
        Assert.Equal(EntityType.Person, types["王先生"]);
        Assert.Equal(EntityType.Organization, types["猎户座集团"]);
    }

    [Fact]
    public void Extract_MentionsWithoutWording_RelatedWithLowConfidence()
    {
        var extraction = _extractor.Extract("Globex and Initech announced results in Berlin.", TestContext.Current.CancellationToken);

        var related = Assert.Single(extraction.Relations, r => r.Source == "Globex" && r.Target == "Initech");
        Assert.Equal(RelationType.RelatedTo, related.Relation);
        Assert.InRange(related.Confidence, 0.01, 0.5);
        Assert.All(extraction.Relations, r => Assert.Equal(RelationType.RelatedTo, r.Relation));
    }

    [Fact]
    public void Extract_PatternRelation_MoreConfidentThanCooccurrence()
    {
        var extraction = _extractor.Extract("Alice Smith leads Project Falcon. Alice Smith met Bob Stone.", TestContext.Current.CancellationToken);

        var stated = Assert.Single(extraction.Relations, r => r.Relation == RelationType.Leads);
        var cooccurring = Assert.Single(extraction.Relations, r => r.Relation == RelationType.RelatedTo);
        Assert.True(stated.Confidence > cooccurring.Confidence);
    }

    [Fact]
    public void Extract_EvidenceSpan_QuotesTheStatingText()
    {
        const string text = "Some preamble here. The Orion Group is funded by the Helios Foundation.";

        var relation = Assert.Single(_extractor.Extract(text, TestContext.Current.CancellationToken).Relations);

        Assert.Equal("Orion Group is funded by the Helios Foundation", text[relation.EvidenceStart..relation.EvidenceEnd]);
    }

    [Fact]
    public void Extract_AcronymAndTranslationInParentheses_BecomeAliases()
    {
        var extraction = _extractor.Extract(
            "The World Health Organization (WHO) funds Project Falcon. 阿里巴巴（Alibaba）投资了猎鹰项目。", TestContext.Current.CancellationToken);

        var who = Assert.Single(extraction.Entities, e => e.Name == "World Health Organization");
        Assert.Contains("WHO", who.Aliases);
        Assert.Contains("Alibaba", Assert.Single(extraction.Entities, e => e.Name == "阿里巴巴").Aliases);
        Assert.DoesNotContain(extraction.Entities, e => e.Name is "WHO" or "Alibaba");
        AssertRelation(extraction, "Project Falcon", "funded_by", "World Health Organization");
    }

    [Fact]
    public void Extract_AppositiveAndCoordination_AttributeVerbsToTheirSubjects()
    {
        var extraction = _extractor.Extract(
            "Alice Smith, a researcher at the Orion Group, leads Project Falcon and Project Eagle. Bob Stone and Carol King joined Globex.",
            TestContext.Current.CancellationToken);

        AssertRelation(extraction, "Alice Smith", "member_of", "Orion Group");
        AssertRelation(extraction, "Alice Smith", "leads", "Project Falcon");
        AssertRelation(extraction, "Alice Smith", "leads", "Project Eagle");
        AssertRelation(extraction, "Bob Stone", "member_of", "Globex");
        AssertRelation(extraction, "Carol King", "member_of", "Globex");
        Assert.DoesNotContain(extraction.Relations, r => r.Source == "Orion Group" && r.Relation == RelationType.Leads);
    }

    [Fact]
    public async Task ExtractAsync_Canceled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _extractor.ExtractAsync("Alice leads Falcon.", cancellation.Token));
    }

    [Fact]
    public void Extract_ArbitraryText_WellFormedOutput()
    {
        var random = new Random(17);
        string[] pieces = ["Alice", "Smith", "leads", "the", "Orion Group", "(WHO)", "funds", "is funded by", ",", ".", "。", "，", "张伟", "领导",
            "由", "资助", "集团", "（", "）", "\"", "《报告》", "2024年", "15%", "$3 million", "Dr.", "Inc.", "是", "的成员", " ", "\n", "Q3 2024"];
        var texts = Enumerable.Range(0, 200).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? "" : " "))))
            .Append(File.ReadAllText(Path.Combine(Chatbot.Testing.RepositoryPaths.Root, "README.md")));

        foreach (var text in texts)
        {
            var extraction = _extractor.Extract(text, TestContext.Current.CancellationToken);

            var names = extraction.Entities.Select(e => e.Name).ToHashSet();
            Assert.Equal(extraction.Entities.Count, names.Count);
            Assert.All(names, n => Assert.Equal(n.Trim(), n));
            Assert.All(names, n => Assert.NotEmpty(n));
            Assert.All(extraction.Relations, r =>
            {
                Assert.Contains(r.Source, names);
                Assert.Contains(r.Target, names);
                Assert.NotEqual(r.Source, r.Target);
                Assert.InRange(r.Confidence, 0, 1);
                Assert.InRange(r.EvidenceStart, 0, r.EvidenceEnd);
                Assert.InRange(r.EvidenceEnd, r.EvidenceStart, text.Length);
            });
        }
    }

    private static void AssertRelation(GraphExtraction extraction, string source, string relation, string target)
    {
        Assert.True(GraphSchema.TryParseRelationType(relation, out var type));
        Assert.True(
            extraction.Relations.Any(r => r.Source == source && r.Relation == type && r.Target == target && r.Confidence >= 0.6),
            $"Expected {source} -{relation}-> {target}; got: " + string.Join("; ", extraction.Relations.Select(r => $"{r.Source} -{GraphSchema.Relation(r.Relation).Name}({r.Confidence:0.##})-> {r.Target}")));
        Assert.Contains(extraction.Entities, e => e.Name == source);
        Assert.Contains(extraction.Entities, e => e.Name == target);
    }
}
