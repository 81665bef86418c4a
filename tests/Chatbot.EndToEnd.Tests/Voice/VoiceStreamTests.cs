using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Testing.Http;
using Chatbot.Testing.Telemetry;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.EndToEnd.Tests.Voice;

/// <summary>
/// Voice through the whole platform: espeak-ng speech streamed in real time as 20 ms frames over the WebSocket, the
/// tenant's knowledge base as the recognizer's domain and the answer's source, and the conversation shared with text.
/// </summary>
public sealed class VoiceStreamTests(VoiceGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<VoiceGatewayFixture>
{
    private const string Question = "what is the refund policy for damaged goods";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pcm16", 16_000)]
    [InlineData("opus", 48_000)]
    public async Task SpokenQuestion_AboutTheKnowledgeBase_IsTranscribedAnsweredAndSpokenThenTheConversationGoesOnByText(string codec, int rate)
    {
        var conversationId = $"voice-e2e-{codec}";
        var format = AudioFormat.Create(codec, rate);
        await using var client = await VoiceClient.ConnectAsync(fixture.Server.BaseAddress, cancellationToken: Ct);
        var ready = await client.StartAsync(conversationId, codec, rate, cancellationToken: Ct);
        Assert.Equal((VoiceEventTypes.Ready, conversationId, codec, rate), (ready.Type, ready.ConversationId, ready.Codec, ready.SampleRate));

        // 1. Speak the question, then stay on the line (silence, as an open microphone) until the answer is spoken.
        var microphone = new Microphone(format);
        using var answered = new CancellationTokenSource();
        _ = microphone.Say(Signals.Concat(Signals.Silence(rate, 0.5), await Speech.SpeakAsync(Question, rate, Ct)));
        var streaming = client.StreamAsync(microphone, until: Task.Delay(Timeout.Infinite, answered.Token), cancellationToken: Ct);
        var done = await client.WaitForAsync(VoiceEventTypes.Done, Ct);
        await answered.CancelAsync();
        await streaming;

        // 2. What the client heard: partial and final transcripts, the answer's text and audio, done.
        Assert.NotEmpty(client.OfType(VoiceEventTypes.AsrPartial));
        var final = Assert.Single(client.OfType(VoiceEventTypes.AsrFinal));
        var wer = WordErrorRate.Measure(Question, final.Text!);
        output.WriteLine($"{codec}@{rate}: heard '{final.Text}' (WER {wer.Rate:P1})");
        Assert.True(wer.Rate <= 0.25, $"heard '{final.Text}'");
        var answer = string.Concat(client.OfType(VoiceEventTypes.LlmDelta).Select(e => e.Content));
        Assert.Contains("thirty days", answer, StringComparison.Ordinal);
        var chunks = client.OfType(VoiceEventTypes.TtsChunk).ToList();
        Assert.All(chunks, c => Assert.Equal(done.TurnId, c.TurnId));
        var audio = Speech.Decode(chunks.Select(c => c.Chunk!), format);
        output.WriteLine($"{chunks.Count} chunks, {audio.Length / (double)rate:F2} s of speech at {Signals.RmsDbfs(audio):F1} dBFS");
        Assert.InRange(audio.Length / (double)rate, 1.5, 20);
        Assert.True(Signals.RmsDbfs(audio) > -35, "the answer's audio is speech, not silence");
        var types = client.Received.Select(r => r.Event.Type).ToList();
        Assert.True(types.IndexOf(VoiceEventTypes.AsrFinal) < types.IndexOf(VoiceEventTypes.LlmDelta));
        Assert.True(types.LastIndexOf(VoiceEventTypes.TtsChunk) < types.IndexOf(VoiceEventTypes.Done));

        // 3. The same conversation, by text over SSE: the voice turn is in its history.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/chat/stream")
        {
            Content = JsonContent.Create(new { conversation_id = conversationId, messages = new[] { new { role = "user", content = "How do I reset my password?" } } }),
        };
        using var response = await fixture.Server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.EnsureSuccessStatusCode();
        var sse = new List<SseEvent>();
        await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
        {
            sse.Add(e);
        }

        Assert.Equal("done", sse[^1].Type);
        var history = await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"api/v1/conversations/{conversationId}", Ct);
        var messages = history.GetProperty("messages").EnumerateArray().Select(m => (Role: m.GetProperty("role").GetString(), Content: m.GetProperty("content").GetString())).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Equal(("user", final.Text), messages[0]);
        Assert.Equal(("assistant", answer), messages[1]);
        Assert.Equal(("user", "How do I reset my password?"), messages[2]);
        Assert.Contains("password", messages[3].Content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SpeechWhileTheAnswerPlays_InterruptsItWithNoAudioAfterTheOnset()
    {
        var format = AudioFormat.Create("pcm16", 16_000);
        await using var client = await VoiceClient.ConnectAsync(fixture.Server.BaseAddress, cancellationToken: Ct);
        await client.StartAsync("voice-e2e-barge-in", "pcm16", 16_000, cancellationToken: Ct);
        var microphone = new Microphone(format);
        using var finished = new CancellationTokenSource();
        var streaming = client.StreamAsync(microphone, until: Task.Delay(Timeout.Infinite, finished.Token), cancellationToken: Ct);

        // 1. Ask; once half a second of the answer has come, speak over it.
        _ = microphone.Say(Signals.Concat(Signals.Silence(16_000, 0.3), await Speech.SpeakAsync(Question, cancellationToken: Ct)));
        var first = await client.WaitForAsync(VoiceEventTypes.TtsChunk, Ct);
        await client.WaitForAsync(e => e.Type == VoiceEventTypes.TtsChunk && e.OffsetMs >= 500, Ct);
        var onset = await microphone.Say(Signals.Trim(await Speech.SpeakAsync("how do i reset my password", cancellationToken: Ct)));
        var interrupted = await client.WaitForAsync(VoiceEventTypes.Interrupted, Ct);
        var nextFinal = await client.WaitForAsync(e => e.Type == VoiceEventTypes.AsrFinal && e.OnsetMs > interrupted.OnsetMs - 100, Ct);
        await client.WaitForAsync(e => e.Type == VoiceEventTypes.Done && e.TurnId != first.TurnId, Ct);
        await finished.CancelAsync();
        await streaming;

        // 2. Nothing of the interrupted answer was sent after the speech began (stream time), nor after interrupted.
        var cancelled = client.Received.Where(r => r.Event.TurnId == first.TurnId && r.Event.Type == VoiceEventTypes.TtsChunk).ToList();
        var lastSentAt = cancelled.Max(r => r.Event.AtMs);
        var afterOnset = cancelled.Where(r => r.Event.AtMs > onset.TotalMilliseconds).Sum(r => r.Event.DurationMs!.Value);
        output.WriteLine(
            $"speech sent from {onset.TotalMilliseconds} ms; detected onset {interrupted.OnsetMs} ms; interrupted at {interrupted.AtMs} ms " +
            $"(played {interrupted.PlayedMs} ms, sent {interrupted.SentMs} ms); last chunk of the cancelled answer sent at {lastSentAt} ms; " +
            $"audio of the cancelled answer sent after the onset: {afterOnset} ms; next question heard: '{nextFinal.Text}'");
        Assert.Equal(first.TurnId, interrupted.TurnId);
        Assert.Equal(0, afterOnset);
        Assert.True(lastSentAt <= interrupted.OnsetMs, $"a chunk was sent at {lastSentAt} ms, after the onset at {interrupted.OnsetMs} ms");
        Assert.InRange(interrupted.OnsetMs!.Value, (long)onset.TotalMilliseconds, (long)onset.TotalMilliseconds + 150);
        var index = client.Received.FindIndex(r => r.Event.Type == VoiceEventTypes.Interrupted);
        Assert.DoesNotContain(client.Received.Skip(index), r => r.Event.TurnId == first.TurnId && r.Event.Type is VoiceEventTypes.TtsChunk or VoiceEventTypes.Done);
        Assert.Equal(cancelled.Sum(r => r.Event.DurationMs!.Value), interrupted.SentMs!.Value, precision: 0);

        // How much was played: no more than was sent, and at least what the 500 ms chunk waited for implies (it goes
        // out at most the 400 ms playback lead ahead of playback).
        Assert.InRange(interrupted.PlayedMs!.Value, 100, interrupted.SentMs.Value);
        Assert.Contains("password", nextFinal.Text, StringComparison.Ordinal);

        // 3. Operators see it: sessions, barge-ins and time to first audio on /metrics (at least: other tests share the server).
        var scrape = await PrometheusScrape.GetAsync(fixture.Server.Client, Ct);
        Assert.True(scrape.Sum("chatbot_voice_sessions_started_total") >= 1, "sessions started");
        Assert.True(scrape.Sum("chatbot_voice_barge_ins_total") >= 1, "barge-ins");
        Assert.True(scrape.Sum("chatbot_voice_time_to_first_audio_seconds_count") >= 1, "time to first audio");
    }

    [Fact]
    public async Task NoiseBurstsDuringTheAnswer_DoNotInterruptIt()
    {
        var format = AudioFormat.Create("pcm16", 16_000);
        await using var client = await VoiceClient.ConnectAsync(fixture.Server.BaseAddress, cancellationToken: Ct);
        await client.StartAsync("voice-e2e-noise", "pcm16", 16_000, cancellationToken: Ct);
        var microphone = new Microphone(format);
        using var finished = new CancellationTokenSource();
        var streaming = client.StreamAsync(microphone, until: Task.Delay(Timeout.Infinite, finished.Token), cancellationToken: Ct);

        // A 100 ms voiced buzz (loud, periodic: the detector's idea of speech) and 100 ms of loud white noise.
        _ = microphone.Say(Signals.Concat(Signals.Silence(16_000, 0.3), await Speech.SpeakAsync(Question, cancellationToken: Ct)));
        await client.WaitForAsync(e => e.Type == VoiceEventTypes.TtsChunk && e.OffsetMs >= 300, Ct);
        var buzz = await microphone.Say(Signals.Concat(Signals.Buzz(150, 16_000, 0.1, amplitude: 0.4), Signals.Silence(16_000, 0.5)));
        var noise = await microphone.Say(Signals.WhiteNoise(16_000, 0.1, amplitude: 0.4, seed: 3));
        var done = await client.WaitForAsync(VoiceEventTypes.Done, Ct);
        await finished.CancelAsync();
        await streaming;

        output.WriteLine($"buzz at {buzz.TotalMilliseconds} ms, noise at {noise.TotalMilliseconds} ms, answer done at {done.AtMs} ms");
        Assert.Empty(client.OfType(VoiceEventTypes.Interrupted));
        Assert.Single(client.OfType(VoiceEventTypes.AsrFinal));
        Assert.True(done.AtMs > noise.TotalMilliseconds + 100, "the answer was still playing during the bursts");
    }
}
