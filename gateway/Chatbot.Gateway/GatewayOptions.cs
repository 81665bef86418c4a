using System.ComponentModel.DataAnnotations;

namespace Chatbot.Gateway;

/// <summary>How the gateway reaches the grains (<c>Chatbot:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Gateway";

    /// <summary><c>cohosted</c> (default: the gateway runs a silo in-process, single-machine mode) or <c>client</c>
    /// (the gateway joins a cluster of separate silo processes as an Orleans client).</summary>
    [RegularExpression("^(cohosted|client)$", ErrorMessage = "Chatbot:Gateway:Mode must be 'cohosted' or 'client'.")]
    public string Mode { get; set; } = GatewayModes.Cohosted;

    /// <summary>
    /// Seconds a stopping gateway keeps answering while it drains: <c>/readyz</c> says unready (so load balancers take it
    /// out), open SSE streams end with a reconnect hint, and new API requests get 503 with <c>Retry-After</c>. Then it
    /// stops. Set it to the load balancer's probe interval (e.g. 5 on Kubernetes). Default 0.
    /// </summary>
    [Range(0, 300, ErrorMessage = "Chatbot:Gateway:DrainDelaySeconds must be between 0 and 300.")]
    public int DrainDelaySeconds { get; set; }

    /// <summary>
    /// Port of the gRPC API (cleartext HTTP/2, which a port can only offer by speaking nothing else). It listens on the
    /// same interfaces as the HTTP API (<c>--urls</c>; e.g. <c>http://0.0.0.0:8080</c> gives <c>http://0.0.0.0:50051</c>).
    /// 0 turns the gRPC port off. Default <see cref="DefaultGrpcPort"/>.
    /// </summary>
    [Range(0, 65535, ErrorMessage = "Chatbot:Gateway:GrpcPort must be between 0 (off) and 65535.")]
    public int GrpcPort { get; set; } = DefaultGrpcPort;

    /// <summary>The default <see cref="GrpcPort"/>: 50051, gRPC's customary port.</summary>
    public const int DefaultGrpcPort = 50051;

    /// <summary>The SSE <c>retry</c> hint, in milliseconds, sent to streams ended by draining. Default 1000.</summary>
    [Range(0, 60_000, ErrorMessage = "Chatbot:Gateway:DrainRetryMilliseconds must be between 0 and 60000.")]
    public int DrainRetryMilliseconds { get; set; } = 1000;
}

/// <summary>Known values of <see cref="GatewayOptions.Mode"/>.</summary>
public static class GatewayModes
{
    /// <summary>The gateway hosts a silo.</summary>
    public const string Cohosted = "cohosted";

    /// <summary>The gateway is a cluster client.</summary>
    public const string Client = "client";
}
