using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// A real Kestrel server on a free 127.0.0.1 port speaking the OpenAI chat-completions API
/// (<c>POST {BaseUrl}/chat/completions</c>, streaming and not), plus embeddings (<see cref="Embeddings"/>) and audio
/// (<see cref="Audio"/>). Each chat-completions request takes the next scripted
/// <see cref="FakeReply"/> (or <see cref="DefaultReply"/> when none is left) and is recorded in <see cref="Requests"/>.
/// Thread-safe; dispose to stop it, which also frees any request held at a <see cref="FakeGate"/>.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<FakeReply> _script = new();
    private readonly List<FakeOpenAIRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _responses;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>Base URL to configure a client with, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The embeddings endpoint and what it received.</summary>
    public FakeEmbeddings Embeddings { get; } = new();

    /// <summary>The transcription and speech endpoints and what they received.</summary>
    public FakeAudio Audio { get; } = new();

    /// <summary>The reply used when the script is empty.</summary>
    public FakeReply DefaultReply { get; set; } = FakeReply.Text("Hello", " from", " the", " fake", " model", ".");

    /// <summary>
    /// When set, answers a request the script has no reply for (before <see cref="DefaultReply"/>, which a
    /// <see langword="null"/> answer falls back to): for callers whose requests arrive in no fixed order.
    /// </summary>
    public Func<FakeOpenAIRequest, FakeReply?>? Responder { get; set; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<FakeOpenAIRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/v1/embeddings", server.Embeddings.HandleAsync);
        app.MapPost("/v1/audio/transcriptions", server.Audio.HandleTranscriptionAsync);
        app.MapPost("/v1/audio/speech", server.Audio.HandleSpeechAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Queues replies for the next requests, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new FakeOpenAIRequest(context.Request.Path, context.Request.Headers.Authorization, await body.ReadToEndAsync());
        FakeReply reply;
        int number;
        lock (_gate)
        {
            _requests.Add(request);
            reply = _script.TryDequeue(out var next) ? next : Responder?.Invoke(request) ?? DefaultReply;
            number = ++_responses;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var writer = new FakeOpenAIResponseWriter(context, reply, request, $"chatcmpl-fake{number:D6}", aborted.Token);
        await writer.WriteAsync();
    }
}
