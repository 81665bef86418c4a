using Chatbot.Voice.Tests.Support;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;
using Xunit;

namespace Chatbot.Voice.Tests.Tts;

public sealed class EspeakNgSynthesizerTests(SpeechEngines engines)
{
    private const string Question = "what is the refund policy for damaged goods";

    [Fact]
    public async Task SynthesizeAsync_Sentence_ProducesAudibleSpeechAtRequestedRate()
    {
        var at16k = await engines.SpeakAsync(Question, 16_000);
        var at48k = await engines.SpeakAsync(Question, 48_000);

        Assert.InRange(at16k.Length / 16_000.0, 1.0, 6.0);
        Assert.True(Signals.RmsDbfs(at16k) > -35, $"rms {Signals.RmsDbfs(at16k):F1} dBFS");
        Assert.InRange(at48k.Length, (at16k.Length * 3) - 100, (at16k.Length * 3) + 100);
    }

    [Fact]
    public async Task SynthesizeAsync_SameText_SameSamples()
    {
        Assert.Equal(await engines.SpeakAsync(Question), await engines.SpeakAsync(Question));
    }

    [Fact]
    public async Task SynthesizeAsync_LongText_HandsOutAudioInSeveralChunks()
    {
        var chunks = 0;
        await foreach (var chunk in engines.Synthesizer.SynthesizeAsync(
            string.Join(' ', Enumerable.Repeat(Question + ".", 5)), new SpeechSynthesisOptions(), TestContext.Current.CancellationToken))
        {
            Assert.NotEmpty(chunk);
            chunks++;
        }

        Assert.True(chunks > 5, $"{chunks} chunks");
    }

    [Fact]
    public async Task SynthesizeAsync_Cancelled_StopsBeforeTheTextIsSpoken()
    {
        var text = string.Join(' ', Enumerable.Repeat(Question + ".", 40)); // about two minutes of speech
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in engines.Synthesizer.SynthesizeAsync(text, new SpeechSynthesisOptions(), cancel.Token))
            {
                received += chunk.Length;
                await cancel.CancelAsync();
            }
        });

        Assert.InRange(received, 1, 16_000 * 10);
    }

    [Fact]
    public async Task SynthesizeAsync_LeftEarly_FreesItsGateSlot()
    {
        using var gate = new NativeCallGate(1);
        var synthesizer = new EspeakNgSynthesizer(gate, new TtsOptions());
        var cancellationToken = TestContext.Current.CancellationToken;

        await foreach (var chunk in synthesizer.SynthesizeAsync(Question, new SpeechSynthesisOptions(), cancellationToken))
        {
            break;
        }

        var again = 0;
        await foreach (var chunk in synthesizer.SynthesizeAsync(Question, new SpeechSynthesisOptions(), cancellationToken))
        {
            again += chunk.Length;
        }

        Assert.True(again > 16_000);
    }

    [Fact]
    public async Task SynthesizeAsync_CallerTakesTheAudioSlowly_TheGateSlotIsFreeOnceEspeakNgIsDone()
    {
        // An answer takes its audio at playback pace; meanwhile the recognizers need the slot.
        using var gate = new NativeCallGate(1);
        var synthesizer = new EspeakNgSynthesizer(gate, new TtsOptions());
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var audio = synthesizer.SynthesizeAsync(Question, new SpeechSynthesisOptions(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        Assert.True(await audio.MoveNextAsync());

        // Still holding the enumerator, part-way through the audio: another engine call gets the only slot.
        var other = await gate.RunAsync(() => 42, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        var rest = audio.Current.Length;
        while (await audio.MoveNextAsync())
        {
            rest += audio.Current.Length;
        }

        Assert.Equal(42, other);
        Assert.True(rest > 16_000, $"{rest} samples");
    }

    [Fact]
    public async Task SynthesizeAsync_UnknownVoice_ThrowsWithEspeakNgsMessage()
    {
        var options = new SpeechSynthesisOptions { Voice = "nosuchvoice" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var chunk in engines.Synthesizer.SynthesizeAsync(Question, options, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("voice", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SynthesizeAsync_ChineseVoice_SpeaksChinese()
    {
        var options = new SpeechSynthesisOptions { Voice = "cmn" };
        var samples = 0;

        await foreach (var chunk in engines.Synthesizer.SynthesizeAsync("退款政策是什么？", options, TestContext.Current.CancellationToken))
        {
            samples += chunk.Length;
        }

        Assert.True(samples > 16_000 / 2, $"{samples} samples");
    }

    [Fact]
    public async Task SynthesizeAsync_BlankText_YieldsNothing()
    {
        await foreach (var chunk in engines.Synthesizer.SynthesizeAsync("  ", new SpeechSynthesisOptions(), TestContext.Current.CancellationToken))
        {
            Assert.Fail("no audio expected");
        }
    }
}
