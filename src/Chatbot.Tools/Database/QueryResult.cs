using System.Data.Common;
using System.Globalization;

namespace Chatbot.Tools.Database;

/// <summary>Rows of one read-only query, as JSON-ready values.</summary>
internal sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated)
{
    /// <summary>Reads at most <paramref name="maxRows"/> rows, noting whether more were there.</summary>
    public static async Task<QueryResult> ReadAsync(DbDataReader reader, int maxRows, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == maxRows)
            {
                truncated = true;
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = ToJsonValue(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows, truncated);
    }

    private static object? ToJsonValue(object? value) => value switch
    {
        null or DBNull => null,
        string or bool or int or long or short or byte or double or float or decimal => value,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
