using System.Collections.Concurrent;
using Chatbot.Safety.Logging;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chatbot.Safety.Tests.Logging;

public sealed class RedactingLoggerProviderTests
{
    [Fact]
    public void Log_StructuredMessageWithPersonalData_ReachesTheSinkRedacted()
    {
        var sink = new RecordingProvider();
        using var provider = new RedactingLoggerProvider(sink, new PiiDetector(TimeProvider.System));
        var logger = provider.CreateLogger("test");

        logger.LogInformation("Customer {Email} called from {Phone} about order {Order}", "ada@example.com", 13812345678L, 48213);

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("Customer [EMAIL] called from [PHONE] about order 48213", entry.Message);
        Assert.Equal("[EMAIL]", entry.State["Email"]);
        Assert.Equal("[PHONE]", entry.State["Phone"]);
        Assert.Equal(48213, entry.State["Order"]);
        Assert.Equal("Customer {Email} called from {Phone} about order {Order}", entry.State["{OriginalFormat}"]);
    }

    [Fact]
    public void AddPiiLogRedaction_WrapsProvidersRegisteredBefore()
    {
        var sink = new RecordingProvider();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(sink))
            .AddPiiLogRedaction()
            .BuildServiceProvider();

        services.GetRequiredService<ILogger<RedactingLoggerProviderTests>>().LogWarning("Card 4111 1111 1111 1111 declined");

        Assert.Equal("Card [BANK_CARD] declined", Assert.Single(sink.Entries).Message);
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Message, Dictionary<string, object?> State)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                provider.Entries.Enqueue((formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
            }
        }
    }
}
