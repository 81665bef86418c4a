using Chatbot.Knowledge.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

/// <summary>Checks every parser's promise: blocks slice the plain text exactly, in order.</summary>
internal static class ParsedDocumentAssertions
{
    public static void AssertOffsetsSliceText(ParsedDocument document)
    {
        var previousEnd = 0;
        foreach (var block in document.Blocks)
        {
            Assert.Equal(block.Text, document.Text[block.Start..block.End]);
            Assert.True(block.Start >= previousEnd, $"block at {block.Start} overlaps the previous one ending at {previousEnd}");
            previousEnd = block.End;
        }
    }

    public static (DocumentBlockKind Kind, int Level, string Text)[] Shape(ParsedDocument document) =>
        document.Blocks.Select(block => (block.Kind, block.HeadingLevel, block.Text)).ToArray();
}
