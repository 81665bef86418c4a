using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Chatbot.Testing.Servers;

/// <summary>
/// A private <c>redis-server</c> for one test run on a free loopback port, without persistence, its working folder in
/// a temporary directory; killed and deleted on dispose. Use it as an xunit assembly or collection fixture, or through
/// <see cref="StartAsync"/>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const int BindAttempts = 5;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _folder;

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string (<c>127.0.0.1:port</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a server; the caller disposes it.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new RedisServer();
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    async ValueTask IAsyncLifetime.InitializeAsync() => await StartCoreAsync(TestContext.Current.CancellationToken);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var binary = ServerBinary.OnPath("redis-server", "redis-server");
        _folder = Directory.CreateTempSubdirectory("chatbot-redis-").FullName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _process = Launch(binary, ready);
            var exited = _process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(ready.Task, exited) == ready.Task)
            {
                return;
            }

            await exited; // throws when the start timed out
            if (attempt >= BindAttempts || !Output.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            _process.Dispose();
        }
    }

    private Process Launch(string binary, TaskCompletionSource ready)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--dir", _folder!, "--daemonize", "no", "--protected-mode", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task StopProcessAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (_process)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }

        _process = null;
    }
}
