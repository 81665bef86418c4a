using System.Globalization;

namespace Chatbot.Safety.Pii;

/// <summary>
/// Validation of 18-character Chinese resident identity card numbers (GB 11643-1999): a region code not starting
/// with 0, a real birth date (yyyyMMdd, not in the future, not before 1900), a sequence number, and the ISO 7064
/// MOD 11-2 check character (0–9 or X). Stateless and thread-safe.
/// </summary>
public static class ChineseResidentId
{
    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>True when <paramref name="id"/> is a well-formed number whose birth date lies on or before <paramref name="today"/>.</summary>
    public static bool IsValid(ReadOnlySpan<char> id, DateOnly today)
    {
        if (id.Length != 18 || id[0] == '0')
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        if (!DateOnly.TryParseExact(id.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return false;
        }

        return char.ToUpperInvariant(id[17]) == CheckCharacter(id[..17]);
    }

    /// <summary>The check character for the first 17 digits: Σ(digitᵢ × weightᵢ) mod 11 mapped through "10X98765432".</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * s_weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
