using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// Maps paragraph style ids to heading levels. Word localises style ids (a Chinese Word names "Heading 1" <c>1</c>),
/// so the level comes from the style's outline level or its built-in name (<c>heading 1</c>, <c>Title</c>), falling
/// back to the English ids <c>Heading1</c>…<c>Heading9</c> when the styles part is missing.
/// </summary>
internal sealed class DocxHeadingStyles
{
    private readonly Dictionary<string, int> _levels;

    private DocxHeadingStyles(Dictionary<string, int> levels) => _levels = levels;

    public static DocxHeadingStyles Read(Styles? styles)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && LevelOf(style) is { } level)
            {
                levels[id] = level;
            }
        }

        return new DocxHeadingStyles(levels);
    }

    /// <summary>The heading level (1–9) of a paragraph, or <see langword="null"/> when it is body text.</summary>
    public int? LevelOf(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        return properties?.ParagraphStyleId?.Val?.Value is { } styleId
            ? _levels.TryGetValue(styleId, out var level) ? level : FromName(styleId)
            : null;
    }

    private static int? LevelOf(Style style)
    {
        if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        return style.StyleName?.Val?.Value is { } name ? FromName(name) : null;
    }

    private static int? FromName(string name)
    {
        var compact = name.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(compact.AsSpan("heading".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            && level is >= 1 and <= 9
                ? level
                : null;
    }
}
