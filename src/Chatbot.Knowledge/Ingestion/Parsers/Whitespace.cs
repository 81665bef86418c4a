namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Whitespace normalisation shared by the parsers.</summary>
internal static class Whitespace
{
    /// <summary>Collapses every run of whitespace, line breaks included, to one space and trims the ends.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
