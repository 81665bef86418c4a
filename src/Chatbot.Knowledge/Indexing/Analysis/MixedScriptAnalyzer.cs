using System.Text;

namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>
/// Analyzer for English, Chinese and text mixing both (<c>用 GPT-4 总结 2024 年报告</c>):
/// <list type="number">
/// <item>NFKC normalisation (full-width <c>ＡＢＣ１２３</c> becomes <c>ABC123</c>);</item>
/// <item>split into runs of letters/digits and runs of CJK characters; everything else separates;</item>
/// <item>word runs are lower-cased, optionally stop-filtered and plural-stemmed;</item>
/// <item>CJK runs go to the configured <see cref="ChineseSegmentation"/>.</item>
/// </list>
/// Thread-safe. Dispose releases SmartCn's per-thread state (a no-op for bigrams).
/// </summary>
public sealed class MixedScriptAnalyzer : ITextAnalyzer, IDisposable
{
    private readonly TextAnalysisOptions _options;
    private readonly IChineseSegmenter _chinese;

    /// <summary>Creates an analyzer with the given options (defaults when <see langword="null"/>).</summary>
    public MixedScriptAnalyzer(TextAnalysisOptions? options = null)
    {
        _options = options ?? new TextAnalysisOptions();
        _chinese = _options.Chinese switch
        {
            ChineseSegmentation.Bigram => new CjkBigramSegmenter(_options.ChineseUnigrams),
            ChineseSegmentation.SmartCn => new SmartCnSegmenter(),
            _ => throw new ArgumentOutOfRangeException(nameof(options), _options.Chinese, "Unknown Chinese segmentation."),
        };
        Name = _options.Chinese switch
        {
            ChineseSegmentation.SmartCn => "smartcn",
            _ when _options.ChineseUnigrams => "bigram+unigram",
            _ => "bigram",
        };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        foreach (var (kind, run) in ScriptRuns.Split(normalized))
        {
            if (kind == RunKind.Cjk)
            {
                _chinese.Segment(run, terms);
                continue;
            }

            var word = run.ToLowerInvariant();
            if (_options.EnglishStopWords && EnglishStopWords.Set.Contains(word))
            {
                continue;
            }

            terms.Add(_options.EnglishStemming ? EnglishMinimalStemmer.Stem(word) : word);
        }

        return terms;
    }

    /// <inheritdoc />
    public void Dispose() => (_chinese as IDisposable)?.Dispose();
}
