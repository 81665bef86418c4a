namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Times between consecutive items (tokens) of each successful request, in milliseconds; only requests started inside
/// a measured window count. Thread-safe.
/// </summary>
public sealed class TokenGaps : WindowedSamples;
