using System.Globalization;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// A server's memory as its <c>/metrics</c> reports it (the .NET runtime's <c>System.Runtime</c> meter): the process'
/// working set and the managed heap after the last garbage collection. Works against any deployment that exposes
/// <c>/metrics</c>; both are null when the endpoint or the series is missing.
/// </summary>
internal sealed record ServerMemory(double? WorkingSetBytes, double? GcHeapBytes)
{
    public const string WorkingSetSeries = "dotnet_process_memory_working_set_bytes";
    public const string GcHeapSeries = "dotnet_gc_last_collection_heap_size_bytes";

    public static ServerMemory Unknown { get; } = new(null, null);

    /// <summary>Reads <c>GET metrics</c> relative to <paramref name="http"/>'s base address.</summary>
    public static async Task<ServerMemory> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode ? Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : Unknown;
        }
        catch (HttpRequestException)
        {
            return Unknown;
        }
    }

    /// <summary>Sums each series' samples (the heap is reported per generation) in Prometheus text exposition.</summary>
    public static ServerMemory Parse(string exposition)
    {
        double? workingSet = null;
        double? heap = null;
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0)
            {
                continue;
            }

            var name = line[..nameEnd];
            if (name is not (WorkingSetSeries or GcHeapSeries))
            {
                continue;
            }

            var valueStart = line[nameEnd] == '{' ? line.LastIndexOf('}') + 1 : nameEnd;
            var value = double.Parse(line[valueStart..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            if (name == WorkingSetSeries)
            {
                workingSet = (workingSet ?? 0) + value;
            }
            else
            {
                heap = (heap ?? 0) + value;
            }
        }

        return new ServerMemory(workingSet, heap);
    }

    /// <summary>Bytes per connection between <paramref name="before"/> and this, for each figure both have.</summary>
    public (double? WorkingSet, double? GcHeap) PerConnection(ServerMemory before, int connections) => (
        WorkingSetBytes - before.WorkingSetBytes is { } ws && connections > 0 ? ws / connections : null,
        GcHeapBytes - before.GcHeapBytes is { } gc && connections > 0 ? gc / connections : null);
}
