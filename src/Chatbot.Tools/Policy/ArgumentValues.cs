using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chatbot.Tools.Policy;

/// <summary>Reads argument values for policy checks: dotted paths into the arguments object, numbers and dates.</summary>
internal static partial class ArgumentValues
{
    /// <summary>The value at <paramref name="path"/> (<c>a</c> or <c>a.b</c>); false when absent or JSON null.</summary>
    public static bool TryGet(JsonElement arguments, string path, out JsonElement value)
    {
        value = arguments;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>
    /// A JSON number as an exact decimal, or an ISO-8601 date/time string as days since 1970-01-01 UTC (so
    /// <c>end_date - start_date &lt;= 30</c> reads "at most 30 days"). False for anything else.
    /// </summary>
    public static bool TryGetNumber(JsonElement value, out decimal number)
    {
        number = 0;
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out number);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && IsoDate().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            number = (decimal)(date.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerDay;
            return true;
        }

        return false;
    }

    /// <summary>The value as it should appear in a denial reason: raw JSON, cut to 80 chars.</summary>
    public static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();
}
