using System.Diagnostics;

namespace Chatbot.Benchmarks;

/// <summary>Progress lines on stderr, so that stdout holds only the report.</summary>
internal static class Progress
{
    private static readonly long s_started = Stopwatch.GetTimestamp();

    public static void Write(string message) =>
        Console.Error.WriteLine($"[{Stopwatch.GetElapsedTime(s_started).TotalSeconds,6:F1}s] {message}");
}
