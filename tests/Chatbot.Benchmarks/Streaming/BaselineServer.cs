using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Profiling;
using Chatbot.Conversations;
using Chatbot.Gateway.Chat;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// The yardstick: bare Kestrel with one minimal-API endpoint that reads the same request, calls the same model and
/// streams its tokens with <c>TypedResults.ServerSentEvents</c> in
/// the platform's event shape (<c>delta</c>… <c>refs</c>, <c>done</c>, <c>id</c> = <c>seq</c>). No auth, tenancy,
/// grains or storage: whatever the platform costs beyond this is what it adds.
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri endpoint, FixedAnswerChatClient model)
    {
        _app = app;
        Endpoint = endpoint;
        Model = model;
    }

    /// <summary>The chat stream endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The model behind it.</summary>
    public FixedAnswerChatClient Model { get; }

    public static async Task<BaselineServer> StartAsync(bool yieldBetweenTokens, TurnProbe? probe, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", ServerAddress.LoopbackUrls] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => StreamingJson.Configure(o.SerializerOptions));
        var model = new FixedAnswerChatClient(yieldBetweenTokens, probe);
        probe?.Install(builder.Services);

        var app = builder.Build();
        app.MapPost("/api/v1/chat/stream", (ChatStreamRequest request, HttpContext http) =>
        {
            http.Response.Headers["X-Request-ID"] = http.Request.Headers["X-Request-ID"];
            var question = request.Messages?.LastOrDefault(m => m.Role == "user")?.Content ?? "";
            return TypedResults.ServerSentEvents(Events(model, question, http.RequestAborted));
        });
        await app.StartAsync(cancellationToken);
        return new BaselineServer(app, new Uri(ServerAddress.Of(app), "/api/v1/chat/stream"), model);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        IChatClient model, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seq = 0L;
        UsageDetails? usage = null;
        await foreach (var update in model.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, question)], null, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
            var text = update.Text;
            if (!string.IsNullOrEmpty(text))
            {
                yield return Item(new ChatEvent { Type = ChatEventTypes.Delta, Seq = ++seq, Content = text });
            }
        }

        yield return Item(new ChatEvent { Type = ChatEventTypes.Refs, Seq = ++seq, References = [] });
        yield return Item(new ChatEvent
        {
            Type = ChatEventTypes.Done,
            Seq = ++seq,
            Usage = new TokenUsage { InputTokens = usage?.InputTokenCount ?? 0, OutputTokens = usage?.OutputTokenCount ?? 0 },
        });
    }

    private static SseItem<string> Item(ChatEvent e) =>
        new(JsonSerializer.Serialize(e, StreamingJson.Events)) { EventId = e.Seq.ToString(CultureInfo.InvariantCulture) };
}
