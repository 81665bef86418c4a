using Chatbot.Voice.Tests.Support;
using Chatbot.Voice.Vad;
using Xunit;

namespace Chatbot.Voice.Tests.Vad;

public sealed class FrameHistoryTests(SpeechEngines engines)
{
    [Fact]
    public void Since_AnOnsetWithinTheHistory_ReturnsTheFramesFromIt()
    {
        var history = new FrameHistory(TimeSpan.FromMilliseconds(100));
        for (short i = 0; i < 10; i++)
        {
            history.Add([i]);
        }

        Assert.Equal(5, history.Capacity);
        Assert.Equal(TimeSpan.FromMilliseconds(200), history.Position);
        Assert.Equal([7, 8, 9], history.Since(TimeSpan.FromMilliseconds(140)).Select(f => f[0]));
        Assert.Equal([5, 6, 7, 8, 9], history.Since(TimeSpan.Zero).Select(f => f[0]));
        Assert.Empty(history.Since(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Since_SpeechStartedOnset_ReplaysTheUtteranceFromItsFirstVoicedFrame()
    {
        var speech = await engines.SpeakAsync("where is my order");
        var audio = Signals.Concat(Signals.Silence(16_000, 1), speech);
        var detector = new VoiceActivityDetector(new VadOptions());
        var history = new FrameHistory(TimeSpan.FromSeconds(1));

        var replay = new List<short[]>();
        foreach (var frame in Signals.Frames(audio))
        {
            history.Add(frame);
            if (detector.Process(frame) is SpeechStarted started)
            {
                replay.AddRange(history.Since(started.Onset - TimeSpan.FromMilliseconds(200)));
                break;
            }
        }

        var firstAudible = Signals.AudibleSpan(audio).First / 320;
        var replayStart = (int)(history.Position / TimeSpan.FromMilliseconds(20)) - replay.Count;
        Assert.InRange(replayStart, firstAudible - 12, firstAudible - 5);
    }
}
