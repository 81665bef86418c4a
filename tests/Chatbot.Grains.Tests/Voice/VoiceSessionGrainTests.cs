using Chatbot.Conversations;
using Chatbot.Testing.Clusters;
using Chatbot.Testing.Models;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.Grains.Tests.Voice;

/// <summary>The voice session grain on a two-silo cluster, driving its conversation grain (wherever that lives).</summary>
public sealed class VoiceSessionGrainTests(ChatbotClusterFixture fixture) : IClassFixture<ChatbotClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (IVoiceSessionGrain Session, string ConversationId) NewSession() =>
        (fixture.Client.GetGrain<IVoiceSessionGrain>(VoiceSessionKey.Format("acme", "vs_" + Guid.NewGuid().ToString("N"))),
            "c-" + Guid.NewGuid().ToString("N"));

    private static VoiceSessionStart Start(string conversationId, string codec = "pcm16", int rate = 16_000) => new()
    {
        ConversationId = conversationId, Codec = codec, SampleRate = rate, Vad = new VoiceVadSettings { MinSpeechMs = 200, MinSilenceMs = 400 },
    };

    private static async Task<List<VoiceEvent>> ReadToEndAsync(IAsyncEnumerable<VoiceEvent> events)
    {
        var all = new List<VoiceEvent>();
        await foreach (var e in events)
        {
            all.Add(e);
        }

        return all;
    }

    [Fact]
    public async Task SendText_ThenComplete_AnswersInTextAndSpeechAsATurnOfTheConversation()
    {
        var question = "voice question " + Guid.NewGuid();
        fixture.Model.Script(question, ScriptedAnswer.Words("The answer is forty two. That is all."));
        var (session, conversationId) = NewSession();

        var ready = await session.StartAsync(Start(conversationId), Ct);
        var events = ReadToEndAsync(session.StreamEventsAsync(Ct));
        await session.SendTextAsync(question);
        await session.CompleteAsync();
        var all = await events;
        await session.CloseAsync();

        Assert.Equal((VoiceEventTypes.Ready, conversationId, "pcm16", 16_000), (ready.Type, ready.ConversationId, ready.Codec, ready.SampleRate));
        Assert.Equal("The answer is forty two. That is all.", string.Concat(all.Where(e => e.Type == VoiceEventTypes.LlmDelta).Select(e => e.Content)));
        var audio = Speech.Decode(all.Where(e => e.Type == VoiceEventTypes.TtsChunk).Select(e => e.Chunk!), AudioFormat.Internal);
        Assert.True(audio.Length > 16_000 && Signals.RmsDbfs(audio) > -35, "the answer was spoken");
        Assert.Equal(VoiceEventTypes.Done, all[^1].Type);
        var conversation = await fixture.Client.GetGrain<IConversationGrain>(ConversationKey.Format("acme", conversationId)).GetAsync();
        Assert.Equal([question, "The answer is forty two. That is all."], conversation!.Messages.Select(m => m.Content));
        Assert.Equal(all[^1].TurnId, conversation.Messages[0].RequestId);
    }

    [Fact]
    public async Task PushAudio_SpeechWhileTheAnswerIsWritten_StopsTheConversationsTurn()
    {
        var question = "long question " + Guid.NewGuid();
        var answer = fixture.Model.Script(question, ScriptedAnswer.Words("First part of a long answer. Second part that never comes.", pauseAfter: 7));
        var (session, conversationId) = NewSession();
        await session.StartAsync(Start(conversationId), Ct);
        var events = session.StreamEventsAsync(Ct).GetAsyncEnumerator(Ct);

        await session.SendTextAsync(question);
        await answer.Paused.Task.WaitAsync(Ct);
        var speech = Speech.Payloads(Signals.Concat(Signals.Buzz(150, 16_000, 0.5, amplitude: 0.3), Signals.Silence(16_000, 0.6)), AudioFormat.Internal);
        await session.PushAudioAsync(new VoiceAudio([.. speech]));
        VoiceEvent? interrupted = null;
        while (interrupted is null && await events.MoveNextAsync())
        {
            interrupted = events.Current.Type == VoiceEventTypes.Interrupted ? events.Current : null;
        }

        await session.CompleteAsync();
        while (await events.MoveNextAsync())
        {
        }

        await events.DisposeAsync();
        await session.CloseAsync();

        Assert.NotNull(interrupted);
        var conversation = await fixture.Client.GetGrain<IConversationGrain>(ConversationKey.Format("acme", conversationId)).GetAsync();
        var stopped = conversation!.Messages[1];
        Assert.Equal(interrupted.TurnId, stopped.RequestId);
        Assert.Equal((MessageStatus.Incomplete, "stopped"), (stopped.Status, stopped.ErrorCode));
        Assert.StartsWith("First part of a long", stopped.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Twice_OrEventsBeforeStart_AreRefused()
    {
        var (session, conversationId) = NewSession();
        var early = await ReadToEndAsync(session.StreamEventsAsync(Ct));

        var first = await session.StartAsync(Start(conversationId, "opus", 48_000), Ct);
        var second = await session.StartAsync(Start(conversationId), Ct);
        await session.CloseAsync();

        Assert.Equal(VoiceErrorCodes.NotStarted, Assert.Single(early).Code);
        Assert.Equal(VoiceEventTypes.Ready, first.Type);
        Assert.Equal(VoiceErrorCodes.AlreadyStarted, second.Code);
    }
}
