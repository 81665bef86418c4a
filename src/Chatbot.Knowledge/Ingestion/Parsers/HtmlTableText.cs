using AngleSharp.Dom;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Renders an HTML table as text: one line per row, cells separated by <c>" | "</c>.</summary>
internal static class HtmlTableText
{
    public static string Of(IElement table)
    {
        // Rows of nested tables are read as part of their outer cell's text, not as rows of this table.
        var rows = table.QuerySelectorAll("tr").Where(row => row.Closest("table") == table);
        return string.Join('\n', rows.Select(row => string.Join(" | ", row.Children
            .Where(cell => cell.LocalName is "td" or "th")
            .Select(cell => Whitespace.Collapse(cell.TextContent)))));
    }

}
