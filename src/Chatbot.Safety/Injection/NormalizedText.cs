using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Injection;

/// <summary>
/// A folded copy of a text for pattern matching that remembers, for every char, which chars of the original it came
/// from, so a match maps back to a span of what the user wrote. Folding: invisible chars (zero-width, soft hyphen,
/// bidi controls) dropped, NFKC (full-width and compatibility forms), lower case, and common Cyrillic/Greek
/// look-alikes mapped to Latin. Immutable.
/// </summary>
internal sealed partial class NormalizedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private NormalizedText(string text, int[] starts, int[] ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    public static NormalizedText Fold(string original)
    {
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        for (var i = 0; i < original.Length;)
        {
            var length = char.IsSurrogatePair(original, i) ? 2 : 1;
            if (!IsInvisible(original[i]))
            {
                foreach (var c in original.Substring(i, length).Normalize(NormalizationForm.FormKC))
                {
                    text.Append(LookAlike(char.ToLowerInvariant(c)));
                    starts.Add(i);
                    ends.Add(i + length);
                }
            }

            i += length;
        }

        return new NormalizedText(text.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>Digits and symbols used as letters ("1gn0r3", "@ll") read as letters; null when nothing changes.</summary>
    public NormalizedText? Leet()
    {
        var chars = Text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var folded = chars[i] switch
            {
                '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '!' => 'i', '|' => 'l',
                var c => c,
            };
            changed |= folded != chars[i];
            chars[i] = folded;
        }

        return changed ? new NormalizedText(new string(chars), _starts, _ends) : null;
    }

    /// <summary>
    /// Letters spelled out with separators ("i g n o r e   a l l", "i.g.n.o.r.e y.o.u.r") joined back into words:
    /// inside a run, a single separator of the run's most common kind is dropped; a longer gap or another kind of
    /// separator becomes one space. Null when there is no such run.
    /// </summary>
    public NormalizedText? JoinSpacedLetters()
    {
        var runs = SpacedLetters().Matches(Text);
        if (runs.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(Text.Length);
        var starts = new List<int>(Text.Length);
        var ends = new List<int>(Text.Length);
        var next = 0;
        foreach (Match run in runs)
        {
            Copy(next, run.Index);
            var end = run.Index + run.Length;
            var joiner = run.Value.Where(IsSeparator).GroupBy(c => c).MaxBy(g => g.Count())!.Key;
            var i = run.Index;
            while (i < end)
            {
                if (!IsSeparator(Text[i]))
                {
                    Copy(i, i + 1);
                    i++;
                    continue;
                }

                var gap = i;
                while (i < end && IsSeparator(Text[i]))
                {
                    i++;
                }

                if (i - gap > 1 || Text[gap] != joiner)
                {
                    text.Append(' ');
                    starts.Add(_starts[gap]);
                    ends.Add(_ends[gap]);
                }
            }

            next = end;
        }

        Copy(next, Text.Length);
        return new NormalizedText(text.ToString(), [.. starts], [.. ends]);

        void Copy(int from, int to)
        {
            text.Append(Text, from, to - from);
            starts.AddRange(_starts.AsSpan(from, to - from));
            ends.AddRange(_ends.AsSpan(from, to - from));
        }
    }

    /// <summary>The span of the original text a match of <paramref name="length"/> chars at <paramref name="start"/> came from.</summary>
    public TextSpan Original(int start, int length)
    {
        if (length == 0 || _starts.Length == 0)
        {
            return new TextSpan(start < _starts.Length ? _starts[start] : 0, 0);
        }

        var from = _starts[start];
        return new TextSpan(from, _ends[start + length - 1] - from);
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '·' or '•' or '/' or '+';

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u034F' or '\u061C' or '\u180E' or '\uFEFF'
        || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // Cyrillic and Greek letters that render like Latin ones.
    private static char LookAlike(char c) => c switch
    {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x', 'і' => 'i', 'ј' => 'j',
        'ѕ' => 's', 'һ' => 'h', 'ԁ' => 'd', 'ɡ' => 'g', 'ո' => 'n', 'ν' => 'v', 'ο' => 'o', 'α' => 'a', 'ι' => 'i',
        'κ' => 'k', 'τ' => 't', 'ρ' => 'p', 'ε' => 'e',
        _ => c,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L}[ .\-_*·•/+]{1,3}){3,}\p{L}(?![\p{L}\p{N}])")]
    private static partial Regex SpacedLetters();
}
