namespace Chatbot.Safety.Pii;

/// <summary>The Luhn (mod 10) check used by payment card numbers. Stateless and thread-safe.</summary>
public static class Luhn
{
    /// <summary>True when the digits of <paramref name="number"/> (separators ignored) pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        var sum = 0;
        var digits = 0;
        var nonZero = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var c = number[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var d = c - '0';
            nonZero |= d != 0;
            if (digits++ % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return digits > 1 && nonZero && sum % 10 == 0;
    }
}
