using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class EntityResolverTests
{
    [Theory]
    [InlineData("Alice Smith", "alice  SMITH")]
    [InlineData("Alice Smith", "Dr. Alice Smith")]
    [InlineData("Alice Smith", "Ms Alice Smith")]
    [InlineData("Acme", "Acme Inc.")]
    [InlineData("Acme", "ACME Co., Ltd.")]
    [InlineData("Acme", "Acme Corporation")]
    [InlineData("Orion Group", "the Orion Group's")]
    [InlineData("U.S. Navy", "US Navy")]
    [InlineData("Johnson & Johnson", "Johnson and Johnson")]
    [InlineData("张伟", "张伟博士")]
    [InlineData("张伟", "张伟先生")]
    [InlineData("猎户座", "猎户座有限公司")]
    [InlineData("OpenAI", "OpenAI公司")]
    [InlineData("ＧＰＴ－４", "GPT-4")]
    public void Resolve_SurfaceVariants_SameId(string name, string variant)
    {
        var resolver = new EntityResolver();

        Assert.Equal(resolver.Resolve(name), resolver.Resolve(variant));
    }

    [Theory]
    [InlineData("Orion Group", "Orion Foundation")]
    [InlineData("猎户座集团", "猎户座基金会")]
    [InlineData("Alice Smith", "Alice Smithson")]
    public void Resolve_DifferentEntities_DifferentIds(string a, string b) =>
        Assert.NotEqual(new EntityResolver().Resolve(a), new EntityResolver().Resolve(b));

    [Fact]
    public void Learn_AcronymDefinedInText_MergesAcronym()
    {
        var resolver = new EntityResolver();

        var learned = resolver.Learn("Funding comes from the World Health Organization (WHO) this year.");

        Assert.Equal(1, learned);
        Assert.Equal(resolver.Resolve("World Health Organization"), resolver.Resolve("WHO"));
        Assert.Equal("world health organization", resolver.CanonicalKey("WHO"));
    }

    [Theory]
    [InlineData("阿里巴巴（Alibaba）投资了猎鹰项目。")]
    [InlineData("Funding came from Alibaba (阿里巴巴) last year.")]
    public void Learn_ChineseAndEnglishNamesTogether_Merge(string text)
    {
        var resolver = new EntityResolver();

        resolver.Learn(text);

        Assert.Equal(resolver.Resolve("Alibaba"), resolver.Resolve("阿里巴巴"));
        Assert.Equal("alibaba", resolver.CanonicalKey("阿里巴巴"));
    }

    [Fact]
    public void Learn_ExtractedAliases_Merge()
    {
        var resolver = new EntityResolver();

        resolver.Learn(new ExtractedEntity("International Business Machines", EntityType.Organization, ["IBM", "蓝色巨人"]));

        Assert.Equal(resolver.Resolve("IBM"), resolver.Resolve("International Business Machines Corp."));
        Assert.Equal(resolver.Resolve("IBM"), resolver.Resolve("蓝色巨人"));
    }

    [Fact]
    public void AddAlias_AnyOrder_SameCanonicalIds()
    {
        (string, string)[] pairs = [("WHO", "World Health Organization"), ("世界卫生组织", "WHO"), ("World Health Org", "WHO")];
        var forward = new EntityResolver();
        var backward = new EntityResolver();

        foreach (var (a, b) in pairs)
        {
            forward.AddAlias(a, b);
        }

        foreach (var (a, b) in pairs.Reverse())
        {
            backward.AddAlias(b, a);
        }

        Assert.All(["WHO", "世界卫生组织", "World Health Org"], name => Assert.Equal(forward.Resolve(name), backward.Resolve(name)));
        Assert.Equal(forward.Resolve("World Health Organization"), forward.Resolve("世界卫生组织"));
    }

    [Fact]
    public void Resolve_IdIsStableAcrossInstancesAndSavedAliases()
    {
        var resolver = new EntityResolver();
        resolver.AddAlias("World Health Organization", "WHO");

        var restored = new EntityResolver(resolver.Aliases);

        Assert.Equal(resolver.Resolve("WHO"), restored.Resolve("WHO"));
        Assert.Equal(EntityKeys.IdOf("world health organization"), restored.Resolve("WHO"));
        Assert.Matches("^ent_[0-9a-f]{16}$", restored.Resolve("WHO"));
        // Pinned: partitions are keyed by these ids, so a change here moves every stored entity.
        Assert.Equal("ent_f85e73128d051170", EntityKeys.IdOf("alice smith"));
    }
}
