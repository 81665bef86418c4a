using Chatbot.Safety.Pii;
using Microsoft.Extensions.Logging;

namespace Chatbot.Safety.Logging;

/// <summary>
/// Wraps a logger provider so personal data never reaches its sink: the formatted message and every string or
/// number in the structured state are passed through the <see cref="PiiDetector"/> and redacted
/// (<c>[EMAIL]</c>, <c>[PHONE]</c>, …). The message template (<c>{OriginalFormat}</c>) is kept. Exceptions and
/// scopes pass through unchanged, so never put personal data in exception messages. Thread-safe.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner, PiiDetector detector) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), detector);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
