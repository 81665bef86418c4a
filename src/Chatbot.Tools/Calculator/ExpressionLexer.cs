using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Tools.Calculator;

/// <summary>
/// Splits a calculator expression into tokens. Positions always refer to the caller's text: full-width forms,
/// <c>×</c>, <c>÷</c> and <c>−</c> are mapped one char for one, and a leading "what is" or trailing "?" is blanked
/// rather than removed. A comma inside a number outside function arguments is a thousands separator
/// (<c>2,340</c>); inside a function's parentheses it separates arguments.
/// </summary>
internal static partial class ExpressionLexer
{
    public static List<Token> Tokenize(string input)
    {
        var text = Prepare(input);
        var tokens = new List<Token>();
        var parens = new Stack<bool>(); // true for a function call's parentheses
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i, inCall: parens.Count > 0 && parens.Peek()));
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, start, text[start..i]));
            }
            else
            {
                var kind = c switch
                {
                    '+' => TokenKind.Plus,
                    '-' => TokenKind.Minus,
                    '*' => TokenKind.Star,
                    '/' => TokenKind.Slash,
                    '^' => TokenKind.Caret,
                    '%' => TokenKind.Percent,
                    '(' => TokenKind.LeftParen,
                    ')' => TokenKind.RightParen,
                    ',' => TokenKind.Comma,
                    _ => throw new CalculationException($"Unexpected character '{input[i]}'", i),
                };
                if (kind == TokenKind.LeftParen)
                {
                    parens.Push(tokens.Count > 0 && tokens[^1].Kind == TokenKind.Identifier);
                }
                else if (kind == TokenKind.RightParen && parens.Count > 0)
                {
                    parens.Pop();
                }

                tokens.Add(new Token(kind, i, c.ToString()));
                i++;
            }
        }

        tokens.Add(new Token(TokenKind.End, text.Length, ""));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i, bool inCall)
    {
        var start = i;
        var digits = new StringBuilder();
        var integerDigits = 0;
        var grouped = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                integerDigits++;
                i++;
            }
            else if (c == ',' && !inCall && IsThousandsGroup(text, i) && (grouped || integerDigits is >= 1 and <= 3))
            {
                grouped = true;
                i++;
            }
            else
            {
                break;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            digits.Append('.');
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i++]);
            }
        }

        // An exponent only when digits follow, so "2e" stays a product with the constant e.
        if (i + 1 < text.Length && text[i] is 'e' or 'E'
            && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            digits.Append(text[i++]).Append(text[i++]);
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i++]);
            }
        }

        var literal = digits.ToString();
        return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? new Token(TokenKind.Number, start, text[start..i], value)
            : throw new CalculationException($"'{text[start..i]}' is not a number", start);
    }

    // ",ddd" followed by something other than a digit: a thousands group, not an argument separator.
    private static bool IsThousandsGroup(string text, int comma) =>
        comma + 3 < text.Length
        && char.IsAsciiDigit(text[comma + 1]) && char.IsAsciiDigit(text[comma + 2]) && char.IsAsciiDigit(text[comma + 3])
        && (comma + 4 == text.Length || !char.IsAsciiDigit(text[comma + 4]));

    private static string Prepare(string input)
    {
        var chars = input.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(chars[i] - 0xFEE0), // full-width ASCII
                '\u3000' => ' ',
                '×' => '*',
                '÷' => '/',
                '−' => '-',
                var c => c,
            };
        }

        var text = new string(chars);
        text = LeadIn().Replace(text, m => new string(' ', m.Length));
        return Trailer().Replace(text, m => new string(' ', m.Length));
    }

    [GeneratedRegex(@"^\s*(please\s+)?(what\s+is|what's|whats|how\s+much\s+is|calculate|compute|evaluate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"[?=]+\s*$")]
    private static partial Regex Trailer();
}
