using Chatbot.Voice.Audio;
using Chatbot.Voice.Sessions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

public sealed class VoicePipelineTests
{
    [Fact]
    public async Task PushAudio_SpokenQuestion_TranscribesAsksAndSpeaksTheAnswer()
    {
        var recognizer = new ScriptedRecognizer("where is my order");
        var answerer = new ScriptedAnswerer();
        answerer.Script("where is my order", "Your order shipped yesterday. It arrives on Friday.");
        await using var session = await PipelineHarness.StartAsync(recognizer, new ToneSynthesizer(), answerer);

        session.PushSilence(0.5);
        session.PushSpeech(1.0);
        session.PushSilence(0.6);
        await session.WaitForAsync(VoiceEventTypes.Done);

        Assert.Equal("where", session.OfType(VoiceEventTypes.AsrPartial).First().Text);
        var final = Assert.Single(session.OfType(VoiceEventTypes.AsrFinal));
        Assert.Equal("where is my order", final.Text);
        Assert.InRange(final.OnsetMs!.Value, 480, 520);
        Assert.InRange(final.EndMs!.Value, 1480, 1520);
        Assert.Equal([("s1-1", "where is my order")], answerer.Questions);
        var types = session.Events.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf(VoiceEventTypes.AsrFinal) < types.IndexOf(VoiceEventTypes.LlmDelta));
        Assert.Equal("Your order shipped yesterday. It arrives on Friday.", string.Concat(session.OfType(VoiceEventTypes.LlmDelta).Select(e => e.Content)));
        var chunks = session.OfType(VoiceEventTypes.TtsChunk).ToList();
        Assert.Equal(Enumerable.Range(1, chunks.Count).Select(i => (long)i), chunks.Select(c => c.Seq!.Value));
        Assert.All(chunks, c => Assert.Equal("s1-1", c.TurnId));
        var audio = chunks.SelectMany(c => Pcm16.ToSamples(c.Chunk)).ToArray();
        Assert.InRange(Signals.RmsDbfs(audio), -15, -9); // the 440 Hz tone at 0.3, padded to whole chunks
        Assert.Equal(audio.Length / 16.0, chunks.Sum(c => c.DurationMs!.Value), precision: 3);
        Assert.Equal(chunks[^1].OffsetMs!.Value + chunks[^1].DurationMs!.Value, chunks.Sum(c => c.DurationMs!.Value), precision: 3);
        Assert.Equal("s1-1", session.Events.Last().TurnId);
        Assert.Null(session.Events.Last().Resumed);
    }

    [Fact]
    public async Task PushAudio_SpeechWhileTheAnswerPlays_InterruptsItAndSendsNothingAfterTheOnset()
    {
        var recognizer = new ScriptedRecognizer("stop please");
        var synthesizer = new ToneSynthesizer { PauseAfterChunks = 12 };
        var answerer = new ScriptedAnswerer { PauseAfter = 6 }; // still writing when interrupted
        answerer.Script("tell me everything", "First part of the answer. Second part of the answer.");
        await using var session = await PipelineHarness.StartAsync(recognizer, synthesizer, answerer);
        session.PushSilence(0.2);

        session.Pipeline.SubmitText("tell me everything");
        await synthesizer.Paused.Task.WaitAsync(TestContext.Current.CancellationToken);
        session.PushSpeech(0.4);
        synthesizer.Release.SetResult();
        var interrupted = await session.WaitForAsync(VoiceEventTypes.Interrupted);
        session.PushSilence(0.5);
        await session.WaitForAsync(e => e.Type == VoiceEventTypes.Done && e.TurnId == "s1-2");

        Assert.Equal("s1-1", interrupted.TurnId);
        Assert.InRange(interrupted.OnsetMs!.Value, 200, 220);
        var first = session.OfType(VoiceEventTypes.TtsChunk).Where(c => c.TurnId == "s1-1").ToList();
        Assert.NotEmpty(first);
        Assert.All(first, c => Assert.True(c.AtMs <= interrupted.OnsetMs, $"chunk {c.Seq} sent at {c.AtMs} ms, after the onset"));
        Assert.Equal(first.Sum(c => c.DurationMs!.Value), interrupted.SentMs!.Value, precision: 1);
        var index = session.Events.IndexOf(interrupted);
        Assert.DoesNotContain(session.Events.Skip(index), e => e.TurnId == "s1-1" && e.Type is VoiceEventTypes.TtsChunk or VoiceEventTypes.Done);
        Assert.Equal(["s1-1"], answerer.Stopped);
        Assert.True(synthesizer.Cancelled >= 1);
        Assert.Equal(["tell me everything", "stop please"], answerer.Questions.Select(q => q.Question));
    }

    [Fact]
    public async Task PushAudio_BurstShorterThanMinSpeech_HoldsTheAudioBrieflyWithoutInterrupting()
    {
        var synthesizer = new ToneSynthesizer { PauseAfterChunks = 12 };
        var recognizer = new ScriptedRecognizer();
        await using var session = await PipelineHarness.StartAsync(recognizer, synthesizer, new ScriptedAnswerer());
        session.PushSilence(0.2);

        session.Pipeline.SubmitText("tell me everything");
        await synthesizer.Paused.Task.WaitAsync(TestContext.Current.CancellationToken);
        session.PushSpeech(0.1);
        synthesizer.Release.SetResult();
        session.PushSilence(0.4);
        await session.WaitForAsync(VoiceEventTypes.Done);

        Assert.Empty(session.OfType(VoiceEventTypes.Interrupted));
        Assert.Empty(session.OfType(VoiceEventTypes.AsrFinal));
        Assert.Empty(recognizer.Utterances);
        // Held from the burst's first voiced frame until 200 ms (MaxOnsetGapMs) of quiet after it.
        Assert.DoesNotContain(session.OfType(VoiceEventTypes.TtsChunk), c => c.AtMs > 200 && c.AtMs < 200 + 100 + 200);
        Assert.Equal(500, session.OfType(VoiceEventTypes.TtsChunk).Sum(c => c.DurationMs!.Value)); // 430 ms in 100 ms chunks
    }

    [Fact]
    public async Task PushAudio_InterruptionWithoutWords_ResumesFromTheSentencePlaying()
    {
        var time = new FakeTimeProvider();
        var synthesizer = new ToneSynthesizer { PauseAfterChunks = 25 };
        var answerer = new ScriptedAnswerer();
        answerer.Script("read it", "First sentence here. Second sentence here. Third sentence here.");
        await using var session = await PipelineHarness.StartAsync(new ScriptedRecognizer(""), synthesizer, answerer, time);

        session.Pipeline.SubmitText("read it");
        await synthesizer.Paused.Task.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(300)); // the client has played 300 ms: all of the first sentence (210 ms)
        session.PushSpeech(0.4);
        var interrupted = await session.WaitForAsync(VoiceEventTypes.Interrupted);
        session.PushSilence(0.4);
        var done = await session.WaitForAsync(VoiceEventTypes.Done);

        Assert.Equal(300, interrupted.PlayedMs);
        Assert.Equal(400, interrupted.SentMs);
        Assert.Equal(string.Empty, Assert.Single(session.OfType(VoiceEventTypes.AsrFinal)).Text);
        Assert.Equal("s1-1", done.TurnId);
        Assert.True(done.Resumed);
        Assert.Equal(
            ["First sentence here.", "Second sentence here.", "Third sentence here.", "Second sentence here.", "Third sentence here."],
            synthesizer.Texts);
        Assert.Single(answerer.Questions);
        var resumed = session.Events.Skip(session.Events.IndexOf(interrupted)).Where(e => e.Type == VoiceEventTypes.TtsChunk).ToList();
        Assert.Equal(0, resumed[0].OffsetMs);
        Assert.Equal(500, resumed.Sum(c => c.DurationMs!.Value)); // 210 + 200 ms in 100 ms chunks
    }

    [Fact]
    public async Task SubmitText_WhileTheAnswerPlays_InterruptsItAndAnswersTheNewQuestion()
    {
        var synthesizer = new ToneSynthesizer { PauseAfterChunks = 5 };
        var answerer = new ScriptedAnswerer { PauseAfter = 5 }; // "You asked: first question. That " and still writing
        await using var session = await PipelineHarness.StartAsync(new ScriptedRecognizer(), synthesizer, answerer);

        session.Pipeline.SubmitText("first question");
        await synthesizer.Paused.Task.WaitAsync(TestContext.Current.CancellationToken);
        session.Pipeline.SubmitText("second question");
        synthesizer.Release.SetResult();
        var done = await session.WaitForAsync(VoiceEventTypes.Done);

        var interrupted = Assert.Single(session.OfType(VoiceEventTypes.Interrupted));
        Assert.Equal("s1-1", interrupted.TurnId);
        Assert.Null(interrupted.OnsetMs);
        Assert.Equal("s1-2", done.TurnId);
        Assert.Equal(["first question", "second question"], answerer.Questions.Select(q => q.Question));
        Assert.Equal(["s1-1"], answerer.Stopped);
    }

    [Fact]
    public async Task PushAudio_InvalidOpusPacket_ReportsInvalidAudioAndGoesOn()
    {
        await using var session = await PipelineHarness.StartAsync(
            new ScriptedRecognizer(), new ToneSynthesizer(), new ScriptedAnswerer(), format: AudioFormat.Create("opus", 48_000));

        session.Pipeline.PushAudio(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x13 });
        var error = await session.WaitForAsync(VoiceEventTypes.Error);
        session.PushSilence(0.2);
        session.Pipeline.SubmitText("still there?");
        await session.WaitForAsync(VoiceEventTypes.Done);

        Assert.Equal(VoiceErrorCodes.InvalidAudio, error.Code);
        Assert.Equal("chunk", error.Field);
        var audio = session.OfType(VoiceEventTypes.TtsChunk).ToList();
        Assert.All(audio, c => Assert.Equal(20, c.DurationMs));
        var decoder = AudioCodecs.CreateDecoder(AudioFormat.Create("opus", 48_000));
        var decoded = audio.SelectMany(c => decoder.Decode(c.Chunk)).ToArray();
        Assert.True(Signals.RmsDbfs(decoded) > -20, "the Opus answer decodes to the tone");
    }

    [Fact]
    public async Task CompleteInput_WithoutVoiceDetection_RecognizesEverythingAsOneUtteranceThenEnds()
    {
        var recognizer = new ScriptedRecognizer("hello there");
        await using var session = await PipelineHarness.StartAsync(
            recognizer, new ToneSynthesizer(), new ScriptedAnswerer(), configure: o => o with { Vad = null });

        session.PushSilence(0.3);
        session.PushSpeech(0.5);
        session.PushSilence(0.7);
        session.Pipeline.CompleteInput();
        session.Pipeline.SubmitText("ignored after the end of input");
        await session.ReadToEndAsync();

        Assert.Equal("hello there", Assert.Single(session.OfType(VoiceEventTypes.AsrFinal)).Text);
        Assert.Equal(1.5 * 16_000, Assert.Single(recognizer.Utterances).Length);
        Assert.Equal(VoiceEventTypes.Done, session.Events.Last().Type);
        Assert.Single(session.OfType(VoiceEventTypes.Done));
    }

    [Fact]
    public async Task PushAudio_UtteranceLongerThanTheLimit_IsCutThereAndSpeechGoesOnInTheNext()
    {
        var recognizer = new ScriptedRecognizer("part one", "part two", "part three");
        await using var session = await PipelineHarness.StartAsync(
            recognizer, new ToneSynthesizer(), new ScriptedAnswerer(), configure: o => o with { MaxUtterance = TimeSpan.FromSeconds(1) });

        session.PushSilence(0.2);
        session.PushSpeech(2.5);
        session.PushSilence(0.5);
        session.Pipeline.CompleteInput();
        await session.ReadToEndAsync();

        // The scripted recognizer hands out its transcripts in the order recognitions complete, and the pieces of a cut
        // utterance are recognised concurrently, off the audio path: which piece gets which text is not fixed.
        Assert.Equal(["part one", "part three", "part two"], session.OfType(VoiceEventTypes.AsrFinal).Select(e => e.Text).Order());
        Assert.All(recognizer.Utterances, u => Assert.True(u.Length <= 16_000, $"an utterance of {u.Length} samples"));
        Assert.Equal((2.5 + 0.3 + 0.1) * 16_000, recognizer.Utterances.Sum(u => u.Length), tolerance: 16_000 * 0.2);
    }

    [Fact]
    public async Task PlaybackLead_AudioRunsAtMostTheLeadAheadOfPlaybackAndDoneWaitsForTheEnd()
    {
        var time = new TimerWatchingTimeProvider();
        var lead = TimeSpan.FromMilliseconds(200);
        await using var session = await PipelineHarness.StartAsync(
            new ScriptedRecognizer(), new ToneSynthesizer(), new ScriptedAnswerer(), time, o => o with { PlaybackLead = lead });
        var cancellationToken = TestContext.Current.CancellationToken;

        session.Pipeline.SubmitText("pace yourself");
        const double total = 400; // 370 ms of tone in 100 ms chunks
        var elapsed = TimeSpan.Zero;
        var sent = 0.0;
        while (sent < total)
        {
            // The answer waits for playback to catch up: what it may send by now was sent.
            var wait = await time.Timers.ReadAsync(cancellationToken);
            while (session.Pipeline.Events.TryRead(out var e))
            {
                session.Events.Add(e);
                if (e.Type == VoiceEventTypes.TtsChunk)
                {
                    Assert.True(e.OffsetMs <= (elapsed + lead).TotalMilliseconds, $"chunk at {e.OffsetMs} ms sent {elapsed} into playback");
                    sent += e.DurationMs!.Value;
                }
            }

            Assert.True(sent == total || sent > (elapsed + lead).TotalMilliseconds, $"waited with {sent} ms sent {elapsed} into playback");
            time.Advance(wait);
            elapsed += wait;
        }

        // All audio went; the last wait was for playback to reach its end.
        await session.WaitForAsync(VoiceEventTypes.Done);
        Assert.Equal(total, elapsed.TotalMilliseconds);
    }

    [Fact]
    public async Task DisposeAsync_WhileSpeaking_StopsSpeechButLeavesTheGenerationAlone()
    {
        var synthesizer = new ToneSynthesizer { PauseAfterChunks = 3 };
        var answerer = new ScriptedAnswerer();
        var recognizer = new ScriptedRecognizer();
        var session = await PipelineHarness.StartAsync(recognizer, synthesizer, answerer);
        session.PushSpeech(0.3); // an utterance in progress
        session.Pipeline.SubmitText("a long story");
        await synthesizer.Paused.Task.WaitAsync(TestContext.Current.CancellationToken);

        await session.DisposeAsync();
        await session.ReadToEndAsync();

        Assert.Equal(1, synthesizer.Cancelled);
        Assert.Empty(answerer.Stopped);
        Assert.DoesNotContain(session.Events, e => e.Type is VoiceEventTypes.Done or VoiceEventTypes.AsrFinal);
        Assert.Equal(recognizer.Opened, recognizer.Disposed);
    }

    [Fact]
    public async Task SubmitText_QuestionRefused_ReportsTheCodeForThatTurn()
    {
        var answerer = new ScriptedAnswerer { Refusal = new VoiceAnswerException(VoiceErrorCodes.ConversationBusy, "Another turn is running.") };
        await using var session = await PipelineHarness.StartAsync(new ScriptedRecognizer(), new ToneSynthesizer(), answerer);

        session.Pipeline.SubmitText("are you there?");
        var error = await session.WaitForAsync(VoiceEventTypes.Error);

        Assert.Equal(VoiceErrorCodes.ConversationBusy, error.Code);
        Assert.Equal("s1-1", error.TurnId);
        Assert.Equal("Another turn is running.", error.Message);
    }

    [Fact]
    public async Task Events_ClientStopsReading_SessionEndsWithClientTooSlow()
    {
        var answerer = new ScriptedAnswerer();
        await using var session = await PipelineHarness.StartAsync(
            new ScriptedRecognizer(), new ToneSynthesizer(), answerer, configure: o => o with { MaxQueuedEvents = 5 });

        session.Pipeline.SubmitText("a question whose answer has more than five words");
        await answerer.Abandoned.Task.WaitAsync(TestContext.Current.CancellationToken); // the session gave up
        await session.ReadToEndAsync();

        Assert.Equal(6, session.Events.Count);
        Assert.Equal(VoiceErrorCodes.ClientTooSlow, session.Events.Last().Code);
    }
}
