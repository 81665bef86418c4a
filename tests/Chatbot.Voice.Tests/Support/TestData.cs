namespace Chatbot.Voice.Tests.Support;

/// <summary>Recordings of Debian's <c>pocketsphinx-testdata</c> package (16 kHz mono, with transcripts).</summary>
public static class TestData
{
    public const string Root = "/usr/share/pocketsphinx/test/data/";

    /// <summary>Raw PCM16 of "go forward ten meters".</summary>
    public static string GoForward => Require(Root + "goforward.raw");

    /// <summary>Fails with the package to install when the recordings are missing.</summary>
    public static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: install the Debian package pocketsphinx-testdata (scripts/install-test-deps.sh).");
}
