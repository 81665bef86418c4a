using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chatbot.Benchmarks.Streaming;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Processes;
using Chatbot.Testing.Servers;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Chatbot.Voice.Asr;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// What the load tool drives: the deployment at <c>--url</c> (with <c>--api-key</c>), or by default a single-machine
/// instance it starts — the built gateway as its own process (co-hosted silo, SQLite in a temporary folder, anonymous
/// auth, no rate limit) whose model is an OpenAI-compatible server in this process (<see cref="Model"/>), so the
/// server's memory is the gateway's alone and the model's answers are known and can be held. Its voice sessions use the
/// engines a single-machine instance uses (espeak-ng, pocketsphinx) where they are installed, and otherwise the model
/// server's OpenAI-compatible audio endpoints.
/// </summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    /// <summary>The question voice sessions type; the local model gives it <see cref="VoiceAnswer"/>.</summary>
    public const string VoiceQuestion = "Is the support desk open today?";

    /// <summary>
    /// The local model's answer to <see cref="VoiceQuestion"/>: two short sentences (about 2.5 s of speech), since a
    /// voice turn lasts as long as its answer takes to play.
    /// </summary>
    public static readonly string[] VoiceAnswer = ["Yes.", " We", " are", " open", " from", " eight", " until", " ten."];

    private readonly ChatbotProcess? _process;
    private readonly string? _directory;
    private readonly string? _voiceEngines;

    private LoadTarget(Uri baseAddress, string? apiKey, FakeOpenAIServer? model, ChatbotProcess? process, string? directory, string? voiceEngines)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Model = model;
        _process = process;
        _directory = directory;
        _voiceEngines = voiceEngines;
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
        ? "local single-machine gateway process (co-hosted silo, SQLite), OpenAI-compatible model server in the load tool answering 50 tokens " +
            $"at once (the voice question: {VoiceAnswer.Length}), voice engines {_voiceEngines}"
        : BaseAddress.ToString();

    public static async Task<LoadTarget> StartAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Url is { } url)
        {
            return new LoadTarget(url, settings.ApiKey, null, null, null, null);
        }

        var model = await FakeOpenAIServer.StartAsync(cancellationToken);
        model.DefaultReply = FakeReply.Text([.. FixedAnswer.Pieces]);
        var voiceAnswer = FakeReply.Text(VoiceAnswer);
        model.Responder = request => request.Messages.LastOrDefault(m => m.Role == "user")?.Content.Contains(VoiceQuestion, StringComparison.Ordinal) == true
            ? voiceAnswer
            : null;
        var directory = Directory.CreateTempSubdirectory("chatbot-load-").FullName;
        var ports = FreePort.Next(4);
        var baseAddress = new Uri($"http://127.0.0.1:{ports[0]}/");
        string[] arguments =
        [
            "--urls", baseAddress.ToString().TrimEnd('/'),
            $"--Chatbot:DataDirectory={directory}",
            $"--Chatbot:Clustering:SiloPort={ports[1]}",
            $"--Chatbot:Clustering:GatewayPort={ports[2]}",
            $"--Chatbot:Gateway:GrpcPort={ports[3]}",
            "--Chatbot:Auth:AllowAnonymous=true",
            "--Chatbot:RateLimit:Enabled=false",
            "--Chatbot:Model:Provider=openai",
            $"--Chatbot:Model:OpenAI:BaseUrl={model.BaseUrl}",
            "--Chatbot:Model:OpenAI:Model=load-model",
            // Held turns of the idle phase stay silent for as long as it takes to open every connection.
            "--Chatbot:Model:OpenAI:StreamIdleTimeoutSeconds=600",
            "--Logging:LogLevel:Default=Warning",
            .. VoiceEngineArguments(model.BaseUrl, out var voiceEngines),
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
        return new LoadTarget(baseAddress, null, model, process, directory, voiceEngines);
    }

    /// <summary>
    /// Connects a voice session (with the same bearer key as HTTP requests) and starts it in
    /// <paramref name="conversationId"/> with 16 kHz PCM16; throws <see cref="System.Net.WebSockets.WebSocketException"/>
    /// when the upgrade fails and <see cref="InvalidOperationException"/> when the session does not start.
    /// </summary>
    public async Task<VoiceClient> StartVoiceSessionAsync(string conversationId, CancellationToken cancellationToken)
    {
        var client = await VoiceClient.ConnectAsync(BaseAddress, ApiKey, cancellationToken: cancellationToken);
        try
        {
            var ready = await client.StartAsync(conversationId, "pcm16", 16_000, cancellationToken: cancellationToken);
            return ready.Type == VoiceEventTypes.Ready
                ? client
                : throw new InvalidOperationException($"start: {ready.Code}: {ready.Message}");
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
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

    // A machine without the engines still runs voice sessions: speech and transcripts come from the model server.
    private static string[] VoiceEngineArguments(Uri modelServer, out string description)
    {
        var sphinx = new PocketSphinxOptions();
        var espeak = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "espeak-ng")));
        var pocketsphinx = Directory.Exists(sphinx.AcousticModelPath) && File.Exists(sphinx.DictionaryPath) && File.Exists(sphinx.LanguageModelPath);
        description = $"{(espeak ? "espeak-ng" : "the model server's /audio/speech (espeak-ng not installed)")} and " +
            (pocketsphinx ? "pocketsphinx" : "the model server's /audio/transcriptions (pocketsphinx not installed)");
        return
        [
            .. espeak ? [] : new[] { "--Chatbot:Voice:Tts:Provider=openai", $"--Chatbot:Voice:Tts:OpenAI:BaseUrl={modelServer}" },
            .. pocketsphinx ? [] : new[] { "--Chatbot:Voice:Asr:Provider=openai", $"--Chatbot:Voice:Asr:OpenAI:BaseUrl={modelServer}" },
        ];
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
