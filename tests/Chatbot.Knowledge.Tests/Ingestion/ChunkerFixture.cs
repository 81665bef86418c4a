using Chatbot.Knowledge.Ingestion;
using Xunit;

[assembly: AssemblyFixture(typeof(Chatbot.Knowledge.Tests.Ingestion.ChunkerFixture))]

namespace Chatbot.Knowledge.Tests.Ingestion;

/// <summary>One chunker for the test assembly: loading the o200k_base vocabulary is the slow part.</summary>
public sealed class ChunkerFixture
{
    public DocumentChunker Chunker { get; } = DocumentChunker.CreateDefault();

    public static ParsedDocument Document(params (DocumentBlockKind Kind, int Level, string Text)[] blocks)
    {
        var builder = new ParsedDocumentBuilder("test");
        foreach (var (kind, level, text) in blocks)
        {
            builder.Add(kind, text, level);
        }

        return builder.Build();
    }

    public static ParsedDocument Paragraphs(params string[] paragraphs) =>
        Document(paragraphs.Select(text => (DocumentBlockKind.Paragraph, 0, text)).ToArray());

    /// <summary>Deterministic English prose: <paramref name="count"/> paragraphs of five varied sentences.</summary>
    public static string[] EnglishParagraphs(int count) => Enumerable.Range(1, count)
        .Select(p => string.Join(' ', Enumerable.Range(1, 5).Select(s =>
            $"Sentence {s} of paragraph {p} explains how service {p * s} is deployed, monitored and restarted safely.")))
        .ToArray();
}
