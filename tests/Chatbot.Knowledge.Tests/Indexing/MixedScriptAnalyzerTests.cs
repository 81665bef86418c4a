using Chatbot.Knowledge.Indexing.Analysis;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class MixedScriptAnalyzerTests
{
    private static readonly TextAnalysisOptions Bigram = new() { Chinese = ChineseSegmentation.Bigram };
    private static readonly TextAnalysisOptions SmartCn = new() { Chinese = ChineseSegmentation.SmartCn };

    [Fact]
    public void Analyze_English_LowercasesSplitsAndStemsPlurals()
    {
        using var analyzer = new MixedScriptAnalyzer(Bigram);

        var terms = analyzer.Analyze("The Policies, files & GPT-4 models (v2.5)!");

        Assert.Equal(["the", "policy", "file", "gpt", "4", "model", "v2", "5"], terms);
    }

    [Fact]
    public void Analyze_EnglishStopWordsEnabled_DropsStopWords()
    {
        using var analyzer = new MixedScriptAnalyzer(Bigram with { EnglishStopWords = true, EnglishStemming = false });

        var terms = analyzer.Analyze("The status of the invoices is on hold");

        Assert.Equal(["status", "invoices", "hold"], terms);
    }

    [Fact]
    public void Analyze_ChineseBigram_EmitsOverlappingBigramsAndLoneUnigrams()
    {
        using var analyzer = new MixedScriptAnalyzer(Bigram);

        var terms = analyzer.Analyze("知识库，我");

        Assert.Equal(["知识", "识库", "我"], terms);
    }

    [Fact]
    public void Analyze_ChineseBigramWithUnigrams_EmitsCharactersToo()
    {
        using var analyzer = new MixedScriptAnalyzer(Bigram with { ChineseUnigrams = true });

        var terms = analyzer.Analyze("知识库");

        Assert.Equal(["知", "知识", "识", "识库", "库"], terms);
    }

    [Fact]
    public void Analyze_ChineseSmartCn_SegmentsDictionaryWords()
    {
        using var analyzer = new MixedScriptAnalyzer(SmartCn);

        var terms = analyzer.Analyze("我爱北京天安门。");

        Assert.Equal(["我", "爱", "北京", "天安门"], terms);
    }

    [Theory]
    [InlineData(ChineseSegmentation.Bigram, new[] { "用", "gpt", "4", "总结", "2024", "年报", "报告" })]
    [InlineData(ChineseSegmentation.SmartCn, new[] { "用", "gpt", "4", "总结", "2024", "年", "报告" })]
    public void Analyze_MixedChineseEnglishNumbers_KeepsEveryScript(ChineseSegmentation chinese, string[] expected)
    {
        using var analyzer = new MixedScriptAnalyzer(new TextAnalysisOptions { Chinese = chinese });

        var terms = analyzer.Analyze("用GPT-4总结2024年报告");

        Assert.Equal(expected, terms);
    }

    [Fact]
    public void Analyze_FullWidthCharacters_NormalizedToAscii()
    {
        using var analyzer = new MixedScriptAnalyzer(Bigram);

        var terms = analyzer.Analyze("ＧＰＵ　１２８ＧＢ");

        Assert.Equal(["gpu", "128gb"], terms);
    }

    [Fact]
    public void Name_PerSegmentation_IsStable()
    {
        using var bigram = new MixedScriptAnalyzer(Bigram);
        using var smartCn = new MixedScriptAnalyzer(SmartCn);

        Assert.Equal("bigram", bigram.Name);
        Assert.Equal("smartcn", smartCn.Name);
    }
}
