using AngleSharp.Dom;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Removes what is not the page's content: scripts, styles, navigation, site header and footer, sidebars.</summary>
internal static class HtmlBoilerplate
{
    private const string AlwaysRemoved =
        "script, style, noscript, template, iframe, svg, canvas, form, button, nav, aside, " +
        "[hidden], [aria-hidden='true'], [role='navigation'], [role='banner'], [role='contentinfo'], [role='complementary']";

    /// <summary>Removes boilerplate elements from <paramref name="body"/> in place.</summary>
    public static void Remove(IElement body)
    {
        foreach (var element in body.QuerySelectorAll(AlwaysRemoved).ToArray())
        {
            element.Remove();
        }

        // A <header>/<footer> of the page is site furniture; inside an <article> or <main> it holds the content's own
        // title or byline, which is worth keeping.
        foreach (var element in body.QuerySelectorAll("header, footer").ToArray())
        {
            if (element.Closest("article, main") is null)
            {
                element.Remove();
            }
        }
    }
}
