using System.Globalization;
using System.Text;
using Chatbot.Testing.Servers;

namespace Chatbot.Testing.Processes;

/// <summary>
/// A cluster of real processes on loopback, as deployed: silo processes and gateway processes (client mode) sharing
/// one clustering store and one PostgreSQL database, each configured only through command-line settings. Dispose kills
/// whatever still runs; <see cref="Report"/> collects every process' output for a failure message.
/// </summary>
public sealed class ChatbotProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(120);
    private readonly List<ChatbotProcess> _processes = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("chatbot-cluster-").FullName;

    /// <param name="settings">The <c>Chatbot:*</c> settings every process gets (clustering, storage, model, ...).</param>
    public ChatbotProcessCluster(IReadOnlyDictionary<string, string> settings)
    {
        Settings = new Dictionary<string, string>(settings)
        {
            ["Chatbot:DataDirectory"] = _dataDirectory,
            ["Chatbot:Clustering:AdvertisedAddress"] = "127.0.0.1",
        };
    }

    /// <summary>The settings every process is started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The silos started so far (killed ones included).</summary>
    public List<SiloProcess> Silos { get; } = [];

    /// <summary>Starts a silo process on free ports and waits until its <c>/readyz</c> answers 200.</summary>
    public Task<SiloProcess> StartSiloAsync(CancellationToken cancellationToken) => WithFreshPortsAsync(async () =>
    {
        var name = $"silo-{Silos.Count + 1}";
        var ports = FreePort.Next(3);
        var silo = new SiloProcess(name, ports[0], ports[1], new Uri($"http://127.0.0.1:{ports[2]}/"));
        var process = Launch(name, BuiltApp.Silo, silo.Http, new Dictionary<string, string>
        {
            ["Chatbot:Clustering:SiloPort"] = silo.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        silo.Process = process;
        Silos.Add(silo);
        await process.WaitUntilReadyAsync(silo.Http, s_readyTimeout, cancellationToken);
        return (silo, process);
    }, failed => Silos.RemoveAll(s => ReferenceEquals(s.Process, failed)));

    /// <summary>The gateways started so far (killed ones included).</summary>
    public List<GatewayProcess> Gateways { get; } = [];

    /// <summary>Starts a gateway process (Orleans client of the cluster) and waits until its <c>/readyz</c> answers 200.</summary>
    /// <returns>The gateway's base address.</returns>
    public async Task<Uri> StartGatewayAsync(IReadOnlyDictionary<string, string> extraSettings, CancellationToken cancellationToken) =>
        (await StartGatewayProcessAsync(extraSettings, cancellationToken)).Http;

    /// <summary>Starts a gateway process and waits until it is ready; the handle can kill it.</summary>
    public Task<GatewayProcess> StartGatewayProcessAsync(IReadOnlyDictionary<string, string> extraSettings, CancellationToken cancellationToken) =>
        WithFreshPortsAsync(async () =>
        {
            var name = $"gateway-{Gateways.Count + 1}";
            var ports = FreePort.Next(2);
            var gateway = new GatewayProcess(name, new Uri($"http://127.0.0.1:{ports[0]}/"));
            var settings = new Dictionary<string, string>(extraSettings)
            {
                ["Chatbot:Gateway:Mode"] = "client",
                ["Chatbot:Gateway:GrpcPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            };
            var process = Launch(name, BuiltApp.Gateway, gateway.Http, settings);
            gateway.Process = process;
            Gateways.Add(gateway);
            await process.WaitUntilReadyAsync(gateway.Http, s_readyTimeout, cancellationToken);
            return (gateway, process);
        }, failed => Gateways.RemoveAll(g => ReferenceEquals(g.Process, failed)));

    // A port reported free can be taken by another test process before ours binds it (test assemblies run in
    // parallel): a process that died of that is started again on fresh ports, at most three times.
    private async Task<T> WithFreshPortsAsync<T>(Func<Task<(T Result, ChatbotProcess Process)>> start, Action<ChatbotProcess> forget)
    {
        for (var attempt = 1; ; attempt++)
        {
            var launched = _processes.Count;
            try
            {
                return (await start()).Result;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var failed in _processes.Skip(launched).ToList())
                {
                    forget(failed);
                    _processes.Remove(failed);
                    await failed.DisposeAsync();
                }
            }
        }
    }

    /// <summary>The output of every process, for a failure report.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        foreach (var process in _processes)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"===== {process.Name} (pid {process.Id}{(process.HasExited ? ", exited" : string.Empty)}) =====");
            report.AppendLine(process.Output);
        }

        return report.ToString();
    }

    /// <summary>Kills every process still running and deletes the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private ChatbotProcess Launch(string name, string assembly, Uri http, Dictionary<string, string> own)
    {
        var arguments = Settings.Concat(own)
            .Select(s => $"--{s.Key}={s.Value}")
            .Append("--urls").Append(http.ToString().TrimEnd('/'));
        var process = ChatbotProcess.Start(name, assembly, arguments);
        _processes.Add(process);
        return process;
    }
}

/// <summary>A silo process of a <see cref="ChatbotProcessCluster"/> and its ports.</summary>
/// <param name="Name">Name in reports.</param>
/// <param name="SiloPort">Silo-to-silo port; the port of its Orleans <c>SiloAddress</c>.</param>
/// <param name="GatewayPort">Client (gateway) port.</param>
/// <param name="Http">Base address of its health endpoints.</param>
public sealed record SiloProcess(string Name, int SiloPort, int GatewayPort, Uri Http)
{
    /// <summary>The running process.</summary>
    public ChatbotProcess Process { get; internal set; } = null!;
}

/// <summary>A gateway process of a <see cref="ChatbotProcessCluster"/>.</summary>
/// <param name="Name">Name in reports.</param>
/// <param name="Http">Its base address.</param>
public sealed record GatewayProcess(string Name, Uri Http)
{
    /// <summary>The running process.</summary>
    public ChatbotProcess Process { get; internal set; } = null!;
}
