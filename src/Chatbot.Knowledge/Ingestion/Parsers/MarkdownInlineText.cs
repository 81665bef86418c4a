using System.Text;
using Markdig.Syntax.Inlines;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Flattens Markdig inline syntax (emphasis, links, code spans) to the text a reader sees.</summary>
internal static class MarkdownInlineText
{
    public static string Flatten(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline lineBreak:
                // A soft break is only the source's wrapping; a hard break is a real line break.
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }
}
