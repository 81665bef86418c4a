using Chatbot.Voice.Vad;
using Xunit;

namespace Chatbot.Voice.Tests.Vad;

public sealed class VadOptionsTests
{
    [Fact]
    public void WithDurations_SessionOverrides_ReplaceOnlyWhatIsGiven()
    {
        var options = new VadOptions().WithDurations(minSpeechMs: 100, minSilenceMs: null);

        Assert.Equal(100, options.MinSpeechMs);
        Assert.Equal(500, options.MinSilenceMs);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_OutOfRange_NamesTheWireField()
    {
        var errors = new VadOptions().WithDurations(0, 50_000).Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("min_speech_ms", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("min_silence_ms", errors[1], StringComparison.Ordinal);
    }
}
