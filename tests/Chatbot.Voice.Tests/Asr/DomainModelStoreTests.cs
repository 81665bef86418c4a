using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.PocketSphinx;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class DomainModelStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatbot-voice-store-").FullName;

    [Fact]
    public void GetOrBuild_UnpronounceableWords_AreDroppedAndSplitTheSentence()
    {
        var store = new DomainModelStore(new PocketSphinxOptions { ModelCacheDirectory = _directory });
        var domain = SpeechDomain.FromTexts(["Order xq7zz ships today."]);

        var files = store.GetOrBuild(domain);

        Assert.Equal(1, files.DroppedWords);
        var arpa = File.ReadAllText(files.LanguageModelPath);
        Assert.Contains(" order </s>", arpa, StringComparison.Ordinal);
        Assert.Contains(" <s> ships today", arpa, StringComparison.Ordinal);
        Assert.DoesNotContain("xq7zz", arpa, StringComparison.Ordinal);
        var dictionary = File.ReadAllLines(files.DictionaryPath);
        Assert.Contains(dictionary, l => l.StartsWith("ships ", StringComparison.Ordinal));
        Assert.DoesNotContain(dictionary, l => l.StartsWith("xq7zz", StringComparison.Ordinal));
    }

    [Fact]
    public void GetOrBuild_SameDomainTwice_ReusesTheFiles()
    {
        var store = new DomainModelStore(new PocketSphinxOptions { ModelCacheDirectory = _directory });
        var domain = SpeechDomain.FromTexts(["where is my order"]);
        var first = store.GetOrBuild(domain);
        var written = File.GetLastWriteTimeUtc(first.LanguageModelPath);

        var second = store.GetOrBuild(domain);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.LanguageModelPath));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
