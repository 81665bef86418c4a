using System.Globalization;
using System.Text.RegularExpressions;

namespace Chatbot.Agents.Planning;

/// <summary>Amounts with their currency or unit, and percentages, as they appear in tasks and documents. Stateless and thread-safe.</summary>
public static partial class Quantities
{
    /// <summary>The first amount in <paramref name="text"/> (thousands separators dropped) and its currency or unit, if any.</summary>
    public static (string Number, string? Unit)? FindAmount(string text)
    {
        var match = Amount().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var unit = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Success ? match.Groups["after"].Value : null;
        return (match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), unit);
    }

    /// <summary>Every percentage in <paramref name="text"/>, as a number string ("80", "12.5"), in order.</summary>
    public static IReadOnlyList<string> FindPercentages(string text) =>
        [.. Percentage().Matches(text).Select(m => m.Groups["number"].Value.Replace(',', '.'))];

    /// <summary><paramref name="value"/> as the calculator prints it, then parsed back for display without noise digits.</summary>
    public static string Display(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Math.Round(number, 6).ToString("0.######", CultureInfo.InvariantCulture)
            : value;

    [GeneratedRegex(@"(?:(?<before>EUR|USD|GBP|CNY|RMB|JPY|CHF|€|\$|£|¥)\s*)?(?<![\w.,])(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|[.,]\d|\s*%)(?:\s*(?<after>EUR|USD|GBP|CNY|RMB|JPY|CHF|euros?|dollars?|pounds?|yuan|元|kg|km|hours?|days?)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<number>\d+(?:[.,]\d+)?)\s*(?:%|percent\b|per\s+cent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Percentage();
}
