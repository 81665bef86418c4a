using System.Text.RegularExpressions;
using Chatbot.Knowledge.Graph.Extraction.Patterns;
using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Resolution;

/// <summary>
/// Finds names defined together in text: an acronym after its long form (matched by initials, as in Schwartz and
/// Hearst's abbreviation finder), a long form after its acronym, and a Chinese name with its English one in either
/// order. Stateless and thread-safe.
/// </summary>
public static partial class AliasDefinitions
{
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "&", "de", "in", "on", "to", "at" };

    /// <summary>Every definition in <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<AliasDefinition> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<AliasDefinition>();
        foreach (Match match in Parenthetical().Matches(text))
        {
            var inner = match.Groups["inner"];
            var before = match.Index;
            while (before > 0 && text[before - 1] == ' ')
            {
                before--;
            }

            if (before == 0 || !char.IsLetterOrDigit(text[before - 1]))
            {
                continue;
            }

            var innerIsCjk = inner.Value.All(c => ScriptRuns.IsCjk(c) || c == '·');
            var innerHasCjk = inner.Value.Any(ScriptRuns.IsCjk);
            int nameStart;
            if (ScriptRuns.IsCjk(text[before - 1]))
            {
                nameStart = innerHasCjk ? before : ChineseNameScanner.ScanLeft(text, before, 0, 16);
            }
            else if (innerIsCjk)
            {
                nameStart = CapitalizedStart(text, before);
            }
            else if (IsAcronym(inner.Value))
            {
                nameStart = LongFormStart(text, before, inner.Value);
            }
            else
            {
                // "WHO (World Health Organization)": the long form is inside.
                var acronymStart = text.LastIndexOf(' ', before - 1) + 1;
                var acronym = text[acronymStart..before];
                if (IsAcronym(acronym) && Initials(inner.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) == Letters(acronym))
                {
                    found.Add(new AliasDefinition(inner.Value, acronym, inner.Index, inner.Index + inner.Length, acronymStart, before));
                }

                continue;
            }

            if (nameStart < before)
            {
                found.Add(new AliasDefinition(text[nameStart..before], inner.Value, nameStart, before, inner.Index, inner.Index + inner.Length));
            }
        }

        return found;
    }

    private static bool IsAcronym(string s) =>
        s.Length is >= 2 and <= 12 && char.IsAsciiLetterUpper(s[0]) && s.Count(char.IsAsciiLetterUpper) >= 2
        && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '&' or '.' or '-');

    private static string Letters(string acronym) => new(acronym.Where(char.IsAsciiLetterUpper).ToArray());

    private static string Initials(IEnumerable<string> words) =>
        new(words.Where(w => !MinorWords.Contains(w) && w.Length > 0 && char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])).ToArray());

    /// <summary>The start of the shortest run of words before <paramref name="end"/> whose initials spell the acronym.</summary>
    private static int LongFormStart(string text, int end, string acronym)
    {
        var letters = Letters(acronym);
        var words = new List<string>();
        var i = end;
        while (words.Count < letters.Length + 4 && i > 0)
        {
            if (words.Count > 0)
            {
                if (text[i - 1] != ' ')
                {
                    break;
                }

                i--;
            }

            var start = i;
            while (start > 0 && IsWordChar(text[start - 1]))
            {
                start--;
            }

            if (start == i)
            {
                break;
            }

            words.Insert(0, text[start..i]);
            i = start;
            if (!MinorWords.Contains(words[0]) && Initials(words) == letters)
            {
                return start;
            }
        }

        return end;
    }

    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) || c is '&' or '-') && !ScriptRuns.IsCjk(c);

    /// <summary>The start of the capitalized words before <paramref name="end"/> (<c>Alibaba Group (阿里巴巴集团)</c>).</summary>
    private static int CapitalizedStart(string text, int end)
    {
        var start = end;
        var i = end;
        while (i > 0)
        {
            var wordStart = i;
            while (wordStart > 0 && (IsWordChar(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            {
                wordStart--;
            }

            var word = text[wordStart..i];
            if (word.Length == 0 || !(char.IsUpper(word[0]) || MinorWords.Contains(word)))
            {
                break;
            }

            if (char.IsUpper(word[0]))
            {
                start = wordStart;
            }

            if (wordStart == 0 || text[wordStart - 1] != ' ')
            {
                break;
            }

            i = wordStart - 1;
        }

        return start;
    }

    [GeneratedRegex(@"[(（]\s*(?<inner>[^()（）\n]{1,60}?)\s*[)）]")]
    private static partial Regex Parenthetical();
}
