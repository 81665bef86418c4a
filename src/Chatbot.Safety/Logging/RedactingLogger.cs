using System.Collections;
using System.Globalization;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.Logging;

namespace Chatbot.Safety.Logging;

/// <summary>The logger of <see cref="RedactingLoggerProvider"/>: logs a redacted copy of each entry to the inner logger.</summary>
internal sealed class RedactingLogger(ILogger inner, PiiDetector detector) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == OriginalFormat ? p.Value : Redact(p.Value))).ToList()
            : [];
        var redacted = new RedactedState(Redact(formatter(state, exception)), values);
        inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
    }

    // Numbers matter too: a phone or card number logged as a long is still personal data.
    private object? Redact(object? value)
    {
        if (value is string text)
        {
            return Redact(text);
        }

        if (value is long or int or ulong or decimal)
        {
            var digits = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            var redacted = Redact(digits);
            return redacted == digits ? value : redacted;
        }

        return value;
    }

    private string Redact(string text)
    {
        var findings = detector.Detect(text);
        return findings.Count == 0 ? text : PiiRedactor.Redact(text, findings);
    }

    /// <summary>The structured state handed to the inner logger; <see cref="ToString"/> is the redacted message.</summary>
    private sealed class RedactedState(string message, List<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
