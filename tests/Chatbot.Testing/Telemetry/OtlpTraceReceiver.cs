using System.Buffers.Binary;
using System.Net;
using Chatbot.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Testing.Telemetry;

/// <summary>
/// A stand-in OTLP trace collector: a real Kestrel server on a free 127.0.0.1 port taking
/// <c>POST /v1/traces</c> (<c>http/protobuf</c>, HTTP/1.1) or the gRPC <c>TraceService/Export</c> call (<c>grpc</c>,
/// cleartext HTTP/2), recording every span it receives. Thread-safe; dispose to stop it.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    /// <summary>Path of the gRPC export method.</summary>
    public const string GrpcExportPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<OtlpSpan> _spans = [];
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    /// <summary>The collector's base address, as <c>Chatbot:Telemetry:Otlp:Endpoint</c> takes it.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Starts a receiver speaking <paramref name="protocol"/>: <c>http/protobuf</c> or <c>grpc</c>.</summary>
    /// <param name="protocol">The OTLP protocol to accept.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OtlpTraceReceiver> StartAsync(string protocol, CancellationToken cancellationToken = default)
    {
        var grpc = protocol switch
        {
            OtlpProtocols.Grpc => true,
            OtlpProtocols.HttpProtobuf => false,
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Not an OTLP protocol."),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        if (grpc)
        {
            app.MapPost(GrpcExportPath, receiver.HandleGrpcAsync);
        }
        else
        {
            app.MapPost("/v1/traces", receiver.HandleHttpAsync);
        }

        await app.StartAsync(cancellationToken);
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>
    /// Completes with the spans of trace <paramref name="traceId"/> received so far once <paramref name="done"/> holds for
    /// them, re-checked as each export arrives.
    /// </summary>
    /// <param name="traceId">The trace, 32 lower-case hex digits.</param>
    /// <param name="done">The condition on the trace's spans.</param>
    /// <param name="timeout">How long to wait for it.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message lists the trace's spans.</exception>
    public async Task<List<OtlpSpan>> WaitForTraceAsync(
        string traceId, Func<List<OtlpSpan>, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task next;
            List<OtlpSpan> trace;
            int total;
            lock (_gate)
            {
                next = _received.Task;
                trace = [.. _spans.Where(s => s.TraceId == traceId)];
                total = _spans.Count;
            }

            if (done(trace))
            {
                return trace;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var received = string.Join(", ", trace.Select(s => $"{s.Scope} {s.Kind} {s.Name}"));
                throw new TimeoutException($"After {timeout} the collector had received {total} spans, of trace {traceId} only: [{received}].");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    // OTLP/HTTP: the body is the ExportTraceServiceRequest; an empty ExportTraceServiceResponse is success.
    private async Task HandleHttpAsync(HttpContext context)
    {
        Record(await ReadBodyAsync(context));
        context.Response.ContentType = "application/x-protobuf";
    }

    // gRPC: one length-prefixed message each way (flag byte, 4-byte big-endian length), then grpc-status in trailers.
    private async Task HandleGrpcAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1, 4));
        Record(body.AsMemory(5, length));
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private void Record(ReadOnlyMemory<byte> request)
    {
        var spans = OtlpTraceDecoder.Decode(request);
        TaskCompletionSource received;
        lock (_gate)
        {
            _spans.AddRange(spans);
            received = _received;
            _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        received.SetResult();
    }
}
