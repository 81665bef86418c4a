using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class PocketSphinxRecognizerTests(SpeechEngines engines, ITestOutputHelper output)
{
    private static readonly RecognitionOptions WithDomain = new() { Domain = SupportCorpus.Domain };

    [Fact]
    public async Task StartAsync_DomainModel_TranscribesSynthesizedQuestions()
    {
        var total = default(WordErrorRate);
        foreach (var question in SupportCorpus.Questions)
        {
            var text = await engines.TranscribeAsync(await engines.SpeakAsync(question), WithDomain);
            output.WriteLine($"{question} -> {text}");
            total += WordErrorRate.Measure(question, text);
        }

        Assert.True(total.Rate <= 0.15, $"domain WER {total}");
    }

    [Fact]
    public async Task StartAsync_DomainModel_BeatsTheGeneralModelOnTheSameAudio()
    {
        var question = SupportCorpus.Questions[0];
        var speech = await engines.SpeakAsync(question);

        var domain = WordErrorRate.Measure(question, await engines.TranscribeAsync(speech, WithDomain));
        var general = WordErrorRate.Measure(question, await engines.TranscribeAsync(speech, RecognitionOptions.General));

        Assert.True(domain.Rate < general.Rate, $"domain {domain}, general {general}");
    }

    [Fact]
    public async Task StartAsync_GeneralModel_TranscribesRecordedSpeech()
    {
        var recording = Pcm16.ToSamples(await File.ReadAllBytesAsync(TestData.GoForward, TestContext.Current.CancellationToken));

        Assert.Equal("go forward ten meters", await engines.TranscribeAsync(recording, RecognitionOptions.General));
    }

    [Fact]
    public async Task WriteAsync_FramesOfAnUtterance_YieldsChangingPartialsBeforeTheFinal()
    {
        var question = SupportCorpus.Questions[0];
        var speech = await engines.SpeakAsync(question);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await engines.Recognizer.StartAsync(WithDomain, cancellationToken);

        var partials = new List<RecognitionResult>();
        for (var i = 0; i < speech.Length; i += 320)
        {
            if (await stream.WriteAsync(speech.AsMemory(i, Math.Min(320, speech.Length - i)), cancellationToken) is { } partial)
            {
                partials.Add(partial);
            }
        }

        var final = await stream.CompleteAsync(cancellationToken);

        Assert.True(partials.Count >= 2, $"{partials.Count} partials");
        Assert.All(partials, p => Assert.False(p.IsFinal));
        Assert.Equal(partials.Count, partials.Select(p => p.Text).Distinct().Count());
        Assert.True(final.IsFinal);
        Assert.Equal(question, final.Text);
        Assert.Equal(speech.Length / 16_000.0, stream.Duration.TotalSeconds, 3);
    }

    [Fact]
    public async Task CompleteAsync_Twice_Throws()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await engines.Recognizer.StartAsync(WithDomain, cancellationToken);
        await stream.CompleteAsync(cancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.CompleteAsync(cancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.WriteAsync(new short[320], cancellationToken));
    }

    [Fact]
    public async Task DisposeAsync_AbandonedUtterance_LeavesTheDecoderUsable()
    {
        var speech = await engines.SpeakAsync("where is my order");
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var abandoned = await engines.Recognizer.StartAsync(WithDomain, cancellationToken))
        {
            await abandoned.WriteAsync(speech.AsMemory(0, speech.Length / 2), cancellationToken);
        }

        Assert.Equal("where is my order", await engines.TranscribeAsync(speech, WithDomain));
    }

    [Fact]
    public async Task StartAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await engines.Recognizer.StartAsync(WithDomain, cancelled.Token));
    }
}
