using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Chatbot.Gateway.Grpc;

/// <summary>
/// Puts the gRPC API on its own port. gRPC without TLS needs a port that speaks only HTTP/2 (clients open with the
/// HTTP/2 preface, "prior knowledge"), while the HTTP API's port keeps HTTP/1.1 for browsers, SSE and WebSockets.
/// Kestrel binds either the addresses of <c>--urls</c> or endpoints declared in code, never both; so the gRPC port is
/// added as one more address, on the same interfaces as the HTTP ones, and gets HTTP/2 only by its port number.
/// </summary>
internal static class GrpcListener
{
    // Kestrel's own address when neither urls nor http_ports/https_ports are configured.
    private const string KestrelDefaultUrl = "http://localhost:5000";

    /// <summary>Adds the gRPC addresses for <paramref name="grpcPort"/> (nothing when it is 0).</summary>
    public static void Listen(WebApplicationBuilder builder, int grpcPort)
    {
        if (grpcPort == 0)
        {
            return;
        }

        var http = HttpUrls(builder.Configuration);
        builder.WebHost.UseUrls([.. http, .. GrpcUrls(http, grpcPort)]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
        {
            if (listen.IPEndPoint?.Port == grpcPort)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
        }));
    }

    /// <summary>The HTTP API's addresses as the host would bind them: <c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else Kestrel's default.</summary>
    public static IReadOnlyList<string> HttpUrls(IConfiguration configuration)
    {
        if (Split(configuration[WebHostDefaults.ServerUrlsKey]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : [KestrelDefaultUrl];
    }

    /// <summary>One cleartext address on <paramref name="grpcPort"/> per interface of <paramref name="httpUrls"/>.</summary>
    public static IReadOnlyList<string> GrpcUrls(IReadOnlyList<string> httpUrls, int grpcPort)
    {
        var grpc = new List<string>();
        foreach (var url in httpUrls)
        {
            var address = BindingAddress.Parse(url);
            if (address.IsUnixPipe || address.IsNamedPipe)
            {
                continue;
            }

            if (address.Port == grpcPort)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Chatbot:Gateway:GrpcPort {grpcPort} is also a port of the HTTP API ('{url}'); choose another port, or 0 to turn gRPC off."));
            }

            var candidate = string.Create(CultureInfo.InvariantCulture, $"http://{address.Host}:{grpcPort}");
            if (!grpc.Contains(candidate, StringComparer.OrdinalIgnoreCase))
            {
                grpc.Add(candidate);
            }
        }

        return grpc;
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
