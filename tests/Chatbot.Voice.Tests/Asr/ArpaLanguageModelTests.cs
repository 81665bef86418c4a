using System.Globalization;
using Chatbot.Voice.Asr.PocketSphinx;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class ArpaLanguageModelTests
{
    private static readonly string[][] Corpus =
    [
        ["what", "is", "the", "refund", "policy"],
        ["what", "is", "the", "return", "policy"],
        ["where", "is", "my", "order"],
        ["the", "refund", "is", "late"],
    ];

    [Fact]
    public void Build_CountsEveryNGramWithSentenceMarks()
    {
        var model = Parse(ArpaLanguageModel.Build(Corpus));

        Assert.Equal(12, model[1].Count); // 10 words + <s> + </s>
        Assert.Equal(model[2].Count, Corpus.SelectMany(s => Pairs(["<s>", .. s, "</s>"])).Distinct().Count());
        Assert.Contains("what is the", model[3].Keys);
        Assert.Equal(-99, model[1]["<s>"].LogP);
    }

    [Fact]
    public void Build_EveryContextsDistributionSumsToOne()
    {
        var model = Parse(ArpaLanguageModel.Build(Corpus));
        var vocabulary = model[1].Keys.Where(w => w != "<s>").ToList();

        foreach (var context in model[1].Keys.Where(w => w != "</s>"))
        {
            Assert.Equal(1.0, vocabulary.Sum(w => Bigram(model, context, w)), 4);
        }

        foreach (var context in model[2].Keys.Where(k => model[3].Keys.Any(t => t.StartsWith(k + " ", StringComparison.Ordinal))))
        {
            var (h1, h2) = (context.Split(' ')[0], context.Split(' ')[1]);
            var total = vocabulary.Sum(w => model[3].TryGetValue($"{h1} {h2} {w}", out var t)
                ? Math.Pow(10, t.LogP)
                : Math.Pow(10, model[2][context].Backoff) * Bigram(model, h2, w));
            Assert.Equal(1.0, total, 4);
        }
    }

    [Fact]
    public void Build_SameSentences_SameText()
    {
        Assert.Equal(ArpaLanguageModel.Build(Corpus), ArpaLanguageModel.Build(Corpus.Select(s => s.ToArray())));
    }

    private static double Bigram(Dictionary<int, Dictionary<string, (double LogP, double Backoff)>> model, string h, string w) =>
        model[2].TryGetValue($"{h} {w}", out var b)
            ? Math.Pow(10, b.LogP)
            : Math.Pow(10, model[1][h].Backoff + model[1][w].LogP);

    private static IEnumerable<string> Pairs(string[] tokens) => tokens.Zip(tokens.Skip(1), (a, b) => $"{a} {b}");

    private static Dictionary<int, Dictionary<string, (double LogP, double Backoff)>> Parse(string arpa)
    {
        var model = new Dictionary<int, Dictionary<string, (double, double)>> { [1] = [], [2] = [], [3] = [] };
        var order = 0;
        foreach (var line in arpa.Split('\n'))
        {
            if (line.StartsWith('\\') && line.EndsWith("-grams:", StringComparison.Ordinal))
            {
                order = line[1] - '0';
                continue;
            }

            var fields = line.Split(' ');
            if (order == 0 || fields.Length < order + 1)
            {
                continue;
            }

            var backoff = fields.Length > order + 1 ? double.Parse(fields[^1], CultureInfo.InvariantCulture) : 0;
            model[order][string.Join(' ', fields[1..(order + 1)])] = (double.Parse(fields[0], CultureInfo.InvariantCulture), backoff);
        }

        return model;
    }
}
