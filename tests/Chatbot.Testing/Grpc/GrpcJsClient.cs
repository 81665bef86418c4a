using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Servers;

namespace Chatbot.Testing.Grpc;

/// <summary>
/// Runs the independent gRPC client of <c>tests/grpc-js</c> (<c>@grpc/grpc-js</c> with <c>@grpc/proto-loader</c>, the
/// checked-in protos loaded at run time) under <c>node</c>. Missing node or packages fail the test with what to install.
/// </summary>
public static class GrpcJsClient
{
    /// <summary>The node project's folder.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "grpc-js");

    /// <summary>
    /// Streams one chat turn: <paramref name="request"/> is a <c>chatbot.v1.ChatRequest</c> as JSON-able fields. Returns
    /// the events, one JSON object per line as the client received them, and the error status when the call failed.
    /// </summary>
    public static async Task<GrpcJsResult> StreamChatAsync(
        Uri grpcAddress, string? token, object request, CancellationToken cancellationToken)
    {
        var node = ServerBinary.OnPath("node", "nodejs");
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException(
                $"The npm packages of {Folder} are not installed: run 'npm ci' there (or 'make deps', which installs every test dependency).");
        }

        var options = JsonSerializer.Serialize(new { address = $"{grpcAddress.Host}:{grpcAddress.Port}", token, request });
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("chat-stream.js");
        start.ArgumentList.Add(options);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = (await stderr).Trim();
        if (process.ExitCode is not (0 or 2))
        {
            throw new InvalidOperationException($"node chat-stream.js exited with code {process.ExitCode}:{Environment.NewLine}{error}");
        }

        return new GrpcJsResult(lines, process.ExitCode == 0 ? null : JsonDocument.Parse(error).RootElement.Clone());
    }
}

/// <summary>What the node client printed: the events (JSON lines) and, when the call failed, <c>{"code","details"}</c>.</summary>
public sealed record GrpcJsResult(IReadOnlyList<string> Events, JsonElement? Error);
