using System.Net.Http.Headers;

namespace Chatbot.Testing.Telemetry;

/// <summary>One scrape of a <c>/metrics</c> endpoint in the Prometheus text exposition format, parsed into series.</summary>
public sealed class PrometheusScrape
{
    private PrometheusScrape(string text, MediaTypeHeaderValue? contentType)
    {
        Text = text;
        ContentType = contentType;
        var samples = new List<(string Name, string Labels, double Value)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var labelsEnd = line[nameEnd] == '{' ? line.LastIndexOf('}') + 1 : nameEnd;
            var value = line[labelsEnd..].Trim().Split(' ')[0];
            samples.Add((line[..nameEnd], line[nameEnd..labelsEnd], double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Samples = samples;
    }

    /// <summary>The body as served.</summary>
    public string Text { get; }

    /// <summary>The response's content type.</summary>
    public MediaTypeHeaderValue? ContentType { get; }

    /// <summary>Every sample: series name, label set as written (<c>{a="b"}</c> or empty) and value.</summary>
    public IReadOnlyList<(string Name, string Labels, double Value)> Samples { get; }

    /// <summary>Distinct series names (<c>foo_total</c>, <c>bar_seconds_bucket</c> ...).</summary>
    public IReadOnlySet<string> SeriesNames => Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sum of the values of series <paramref name="name"/> whose labels contain every one of <paramref name="labels"/> (<c>type="output"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>GETs <c>metrics</c> relative to <paramref name="client"/>'s base address.</summary>
    public static async Task<PrometheusScrape> GetAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return new PrometheusScrape(await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType);
    }
}
