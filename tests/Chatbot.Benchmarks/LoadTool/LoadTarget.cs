using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chatbot.Benchmarks.Streaming;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Processes;
using Chatbot.Testing.Servers;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// What the load tool drives: the deployment at <c>--url</c> (with <c>--api-key</c>), or by default a single-machine
/// instance it starts — the built gateway as its own process (co-hosted silo, SQLite in a temporary folder, anonymous
/// auth, no rate limit) whose model is an OpenAI-compatible server in this process (<see cref="Model"/>), so the
/// server's memory is the gateway's alone and the model's answers are known and can be held.
/// </summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    private readonly ChatbotProcess? _process;
    private readonly string? _directory;

    private LoadTarget(Uri baseAddress, string? apiKey, FakeOpenAIServer? model, ChatbotProcess? process, string? directory)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Model = model;
        _process = process;
        _directory = directory;
    }

    /// <summary>The gateway's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Bearer key sent with every request, if any.</summary>
    public string? ApiKey { get; }

    /// <summary>The local instance's model server; null against a deployment.</summary>
    public FakeOpenAIServer? Model { get; }

    /// <summary>True for the instance this tool started.</summary>
    public bool IsLocal => Model is not null;

    /// <summary>One line for the report.</summary>
    public string Description => IsLocal
        ? "local single-machine gateway process (co-hosted silo, SQLite), OpenAI-compatible model server in the load tool answering 50 tokens at once"
        : BaseAddress.ToString();

    public static async Task<LoadTarget> StartAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Url is { } url)
        {
            return new LoadTarget(url, settings.ApiKey, null, null, null);
        }

        var model = await FakeOpenAIServer.StartAsync(cancellationToken);
        model.DefaultReply = FakeReply.Text([.. FixedAnswer.Pieces]);
        var directory = Directory.CreateTempSubdirectory("chatbot-load-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        string[] arguments =
        [
            "--urls", baseAddress.ToString().TrimEnd('/'),
            $"--Chatbot:DataDirectory={directory}",
            $"--Chatbot:Clustering:SiloPort={FreePort.Next()}",
            $"--Chatbot:Clustering:GatewayPort={FreePort.Next()}",
            $"--Chatbot:Gateway:GrpcPort={FreePort.Next()}",
            "--Chatbot:Auth:AllowAnonymous=true",
            "--Chatbot:RateLimit:Enabled=false",
            "--Chatbot:Model:Provider=openai",
            $"--Chatbot:Model:OpenAI:BaseUrl={model.BaseUrl}",
            "--Chatbot:Model:OpenAI:Model=load-model",
            // Held turns of the idle phase stay silent for as long as it takes to open every connection.
            "--Chatbot:Model:OpenAI:StreamIdleTimeoutSeconds=600",
            "--Logging:LogLevel:Default=Warning",
        ];
        var process = ChatbotProcess.Start("gateway", BuiltApp.Gateway, arguments);
        try
        {
            await process.WaitUntilReadyAsync(baseAddress, TimeSpan.FromMinutes(2), cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            await model.DisposeAsync();
            throw;
        }

        Progress.Write($"local gateway process {process.Id.ToString(CultureInfo.InvariantCulture)} ready at {baseAddress}");
        return new LoadTarget(baseAddress, null, model, process, directory);
    }

    /// <summary>Whether the local gateway process still runs, and the end of its output; null against a deployment.</summary>
    public string? ExitReport => _process is { } p
        ? $"the local gateway process {(p.HasExited ? "exited" : "runs")}; its output ends:{Environment.NewLine}{p.Output[Math.Max(0, p.Output.Length - 6000)..]}"
        : null;

    /// <summary>An HTTP/1.1 client for the target with up to <paramref name="connections"/> connections (one per open stream).</summary>
    public HttpClient CreateClient(int connections, TimeSpan timeout)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout,
        };
        if (ApiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (Model is not null)
        {
            await Model.DisposeAsync();
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"Could not delete {_directory}: {ex.Message}");
            }
        }
    }
}
