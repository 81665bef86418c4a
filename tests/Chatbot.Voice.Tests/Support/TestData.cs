using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Tests.Support;

/// <summary>Recordings of Debian's <c>pocketsphinx-testdata</c> package (16 kHz mono, with transcripts).</summary>
public static class TestData
{
    public const string Root = "/usr/share/pocketsphinx/test/data/";

    /// <summary>Raw PCM16 of "go forward ten meters".</summary>
    public static string GoForward => Require(Root + "goforward.raw");

    /// <summary>
    /// The recordings of a test set and their transcripts, from its transcription file (lines
    /// <c>&lt;s&gt; words &lt;/s&gt; (id)</c>) and the set's folder of <c>id.wav</c> files.
    /// </summary>
    public static IReadOnlyList<(string Id, string Transcript, short[] Samples)> Recordings(string folder, string transcriptionFile)
    {
        var recordings = new List<(string, string, short[])>();
        foreach (var line in File.ReadAllLines(Require(Path.Combine(Root, folder, transcriptionFile))).Where(l => l.Contains('(', StringComparison.Ordinal)))
        {
            var id = line[(line.LastIndexOf('(') + 1)..line.LastIndexOf(')')];
            var transcript = line[..line.LastIndexOf('(')].Replace("<s>", "", StringComparison.Ordinal).Replace("</s>", "", StringComparison.Ordinal).Trim();
            var (samples, rate) = WavFile.Read(File.ReadAllBytes(Require(Path.Combine(Root, folder, id + ".wav"))));
            recordings.Add((id, transcript, rate == 16_000 ? samples : AudioResampler.Convert(samples, rate, 16_000)));
        }

        return recordings;
    }

    /// <summary>Fails with the package to install when the recordings are missing.</summary>
    public static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: install the Debian package pocketsphinx-testdata (scripts/install-test-deps.sh).");
}
