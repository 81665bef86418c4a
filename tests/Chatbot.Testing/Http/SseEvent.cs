using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Chatbot.Testing.Http;

/// <summary>One server-sent event as a client sees it.</summary>
public sealed record SseEvent(string? Id, string Data)
{
    /// <summary>The data parsed as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    /// <summary>The <c>type</c> field of the JSON data.</summary>
    public string Type => Json.GetProperty("type").GetString()!;

    /// <summary>The <c>seq</c> field of the JSON data.</summary>
    public long Seq => Json.GetProperty("seq").GetInt64();

    /// <summary>Reads events from an SSE body as they arrive (a real incremental parser, as a browser's).</summary>
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? id = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return new SseEvent(id, data.ToString());
                }

                id = null;
                data.Clear();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(line.StartsWith("data: ", StringComparison.Ordinal) ? 6 : 5));
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
        }

        if (data.Length > 0)
        {
            yield return new SseEvent(id, data.ToString());
        }
    }
}
