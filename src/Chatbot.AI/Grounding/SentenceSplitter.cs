namespace Chatbot.AI.Grounding;

/// <summary>Splits passage text into sentences at English (<c>.?!</c> before a space) and Chinese (<c>。！？；</c>) ends and line breaks.</summary>
internal static class SentenceSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？' or '；' or '\n'
                || (c is '.' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                var sentence = text[start..(c == '\n' ? i : i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }
}
