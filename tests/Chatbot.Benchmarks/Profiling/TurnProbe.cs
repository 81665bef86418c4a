using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Profiling;

/// <summary>
/// Server-side timestamps of each turn (<c>--profile</c>): when the request entered the HTTP pipeline and when the
/// model was called. The question of a benchmark turn starts with its request id, which is how the model finds the
/// turn. Thread-safe.
/// </summary>
internal sealed class TurnProbe
{
    private readonly ConcurrentDictionary<string, long> _requestStarts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _modelStarts = new(StringComparer.Ordinal);

    /// <summary>The question of a turn, carrying its request id in front.</summary>
    public static string Question(string requestId) => requestId + " When is your support desk open on public holidays?";

    /// <summary>Adds the middleware that stamps requests, in front of the app's own pipeline.</summary>
    public void Install(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new StampFilter(this));

    /// <summary>Records that the model was called for the turn whose question is the last message.</summary>
    public void ModelStarted(IEnumerable<ChatMessage> messages)
    {
        var question = messages.LastOrDefault()?.Text ?? "";
        var end = question.IndexOf(' ', StringComparison.Ordinal);
        if (end > 0)
        {
            _modelStarts[question[..end]] = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Removes and returns the stamps of <paramref name="requestId"/> (0 when missing).</summary>
    public (long RequestStarted, long ModelStarted) Take(string requestId)
    {
        _requestStarts.TryRemove(requestId, out var request);
        _modelStarts.TryRemove(requestId, out var model);
        return (request, model);
    }

    private sealed class StampFilter(TurnProbe probe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var requestId = context.Request.Headers["X-Request-ID"].ToString();
                if (requestId.Length > 0)
                {
                    probe._requestStarts[requestId] = Stopwatch.GetTimestamp();
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
