using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>The pipeline with the real engines: espeak-ng speech in, pocketsphinx with the domain model, espeak-ng speech out.</summary>
public sealed class VoicePipelineSpeechTests(SpeechEngines engines)
{
    [Theory]
    [InlineData("pcm16", 16_000)]
    [InlineData("opus", 48_000)]
    public async Task PushAudio_SpokenQuestion_RecognizedWithTheDomainAndAnsweredInSpeech(string codec, int rate)
    {
        var question = SupportCorpus.Questions[0]; // what is the refund policy for damaged goods
        var answerer = new ScriptedAnswerer();
        answerer.Script(question, "Damaged goods are refunded for thirty days [1]. Contact customer service with your order number.");
        var format = AudioFormat.Create(codec, rate);
        await using var session = await PipelineHarness.StartAsync(
            engines.Recognizer, engines.Synthesizer, answerer, format: format,
            configure: o => o with { Recognition = new RecognitionOptions { Domain = SupportCorpus.Domain }, Vad = new() });

        session.PushSilence(0.5);
        session.Push(await engines.SpeakAsync(question));
        session.PushSilence(1.0);
        await session.WaitForAsync(VoiceEventTypes.Done);

        Assert.NotEmpty(session.OfType(VoiceEventTypes.AsrPartial));
        var final = Assert.Single(session.OfType(VoiceEventTypes.AsrFinal));
        Assert.True(WordErrorRate.Measure(question, final.Text!).Rate <= 0.25, $"heard '{final.Text}'");
        Assert.Equal(final.Text, Assert.Single(answerer.Questions).Question);
        var decoder = AudioCodecs.CreateDecoder(format);
        var audio = session.OfType(VoiceEventTypes.TtsChunk).SelectMany(c => decoder.Decode(c.Chunk)).ToArray();
        Assert.InRange(audio.Length / (double)rate, 3, 12);
        Assert.True(Signals.RmsDbfs(audio) > -35, $"the answer is audible ({Signals.RmsDbfs(audio):F1} dBFS)");
        var spoken = await engines.TranscribeAsync(
            rate == 16_000 ? audio : AudioResampler.Convert(audio, rate, 16_000), new RecognitionOptions { Domain = SupportCorpus.Domain });
        Assert.Contains("customer service", spoken, StringComparison.Ordinal); // it says what the answer says
    }
}
