using System.Diagnostics;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// One request of a load run as the client saw it. Times are <see cref="Stopwatch.GetTimestamp"/> values;
/// <see cref="FirstItem"/> is when the first useful item (e.g. the first answer token) arrived, 0 when none did.
/// </summary>
public readonly record struct TurnSample(long Started, long FirstItem, long Ended, int Items, string? Error)
{
    /// <summary>True when the request completed as expected.</summary>
    public bool Ok => Error is null;

    /// <summary>Milliseconds from sending the request to the first item.</summary>
    public double FirstItemMs => FirstItem == 0 ? double.NaN : Stopwatch.GetElapsedTime(Started, FirstItem).TotalMilliseconds;

    /// <summary>Milliseconds from sending the request to its end.</summary>
    public double TotalMs => Stopwatch.GetElapsedTime(Started, Ended).TotalMilliseconds;

    /// <summary>A failed request.</summary>
    public static TurnSample Failed(long started, string error) => new(started, 0, Stopwatch.GetTimestamp(), 0, error);
}
