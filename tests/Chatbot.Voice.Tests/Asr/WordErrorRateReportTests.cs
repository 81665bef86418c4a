using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.PocketSphinx;
using Chatbot.Voice.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

/// <summary>
/// Word error rates of the pocketsphinx recognizer, printed for the README: espeak-ng questions with and without the
/// domain model, and the recordings of Debian's pocketsphinx-testdata. Only sane bounds are asserted; the figures are
/// the point. Final transcripts only (partials off), so each figure is one deterministic pass.
/// </summary>
public sealed class WordErrorRateReportTests(SpeechEngines engines, ITestOutputHelper output) : IDisposable
{
    private static readonly string[] MoreQuestions =
    [
        "is shipping free for orders over fifty dollars", "how do i request a refund", "when is customer service open",
        "can you send a reset link to my email address", "what are your opening hours",
    ];

    private readonly PocketSphinxRecognizer _recognizer = new(
        new PocketSphinxOptions { ModelCacheDirectory = engines.ModelDirectory, PartialIntervalMs = 0 },
        engines.Gate, TimeSpan.FromSeconds(60), NullLogger<PocketSphinxRecognizer>.Instance);

    [Fact]
    public async Task Report_SynthesizedQuestions_DomainModelBeatsGeneralModel()
    {
        var domain = default(WordErrorRate);
        var general = default(WordErrorRate);
        foreach (var question in SupportCorpus.Questions.Concat(MoreQuestions))
        {
            var speech = await engines.SpeakAsync(question);
            var withDomain = await TranscribeAsync(speech, new RecognitionOptions { Domain = SupportCorpus.Domain });
            var withGeneral = await TranscribeAsync(speech, RecognitionOptions.General);
            domain += WordErrorRate.Measure(question, withDomain);
            general += WordErrorRate.Measure(question, withGeneral);
            output.WriteLine($"{question}\n  domain:  {withDomain}\n  general: {withGeneral}");
        }

        output.WriteLine($"espeak-ng questions ({SupportCorpus.Questions.Count + MoreQuestions.Length}): domain LM WER {domain}, general LM WER {general}");
        Assert.True(domain.Rate < general.Rate, $"domain {domain}, general {general}");
        Assert.True(domain.Rate <= 0.25, $"domain {domain}");
    }

    [Fact]
    public async Task Report_LibrivoxRecordings_GeneralModel()
    {
        var total = await MeasureAsync(TestData.Recordings("librivox", "transcription"), RecognitionOptions.General);

        output.WriteLine($"pocketsphinx-testdata librivox (5 read sentences): general LM WER {total}");
        Assert.True(total.Rate < 0.6, $"{total}");
    }

    [Fact]
    public async Task Report_CardRecordings_CardDomainBeatsGeneralModel()
    {
        // The domain is every card's name, as a tenant's catalogue would list them, not the recordings' transcripts.
        string[] ranks = ["ace", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king"];
        var cards = SpeechDomain.FromTexts(ranks.SelectMany(r => new[] { "clubs", "diamonds", "hearts", "spades" }.Select(s => $"{r} of {s}.")));
        var recordings = TestData.Recordings("cards", "cards.transcription");

        var domain = await MeasureAsync(recordings, new RecognitionOptions { Domain = cards });
        var general = await MeasureAsync(recordings, RecognitionOptions.General);

        output.WriteLine($"pocketsphinx-testdata cards (5 recordings): card-domain LM WER {domain}, general LM WER {general}");
        Assert.True(domain.Rate <= general.Rate, $"domain {domain}, general {general}");
    }

    public void Dispose() => _recognizer.Dispose();

    private async Task<WordErrorRate> MeasureAsync(IReadOnlyList<(string Id, string Transcript, short[] Samples)> recordings, RecognitionOptions options)
    {
        var total = default(WordErrorRate);
        foreach (var (id, transcript, samples) in recordings)
        {
            var text = await TranscribeAsync(samples, options);
            total += WordErrorRate.Measure(transcript, text);
            output.WriteLine($"{id}: {transcript}\n  -> {text}");
        }

        return total;
    }

    private async Task<string> TranscribeAsync(short[] samples, RecognitionOptions options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await _recognizer.StartAsync(options, cancellationToken);
        await stream.WriteAsync(samples, cancellationToken);
        return (await stream.CompleteAsync(cancellationToken)).Text;
    }
}
