using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Chatbot.Voice;
using Chatbot.Voice.Audio;

namespace Chatbot.Testing.Voice;

/// <summary>
/// A voice WebSocket client as an application would write one (<see cref="ClientWebSocket"/>): sends the protocol's
/// JSON messages or binary audio, streams audio in real time as 20 ms frames, and keeps every server message with the
/// client's stream position when it arrived.
/// </summary>
public sealed class VoiceClient : IAsyncDisposable
{
    /// <summary>The protocol's JSON conventions: snake_case, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ClientWebSocket _socket;
    private readonly Channel<ReceivedVoiceEvent> _incoming = Channel.CreateUnbounded<ReceivedVoiceEvent>();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Task _receiver;
    private long _uplinkFrames;
    private long _seq;

    private VoiceClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiver = ReceiveAsync();
    }

    /// <summary>The socket (its close status once closed).</summary>
    public ClientWebSocket Socket => _socket;

    /// <summary>Every message read so far by <see cref="WaitForAsync(Func{VoiceEvent, bool}, CancellationToken)"/> or <see cref="NextAsync"/>, in order; a long-lived client may clear it.</summary>
    public List<ReceivedVoiceEvent> Received { get; } = [];

    /// <summary>Audio sent so far: 20 ms per frame.</summary>
    public TimeSpan Uplink => AudioFormat.FrameDuration * Interlocked.Read(ref _uplinkFrames);

    /// <summary>Connects to <c>/api/v1/voice/stream</c> of <paramref name="baseAddress"/>, with a bearer header or an <c>access_token</c> query.</summary>
    public static async Task<VoiceClient> ConnectAsync(
        Uri baseAddress, string? bearer = null, string? accessToken = null, CancellationToken cancellationToken = default)
    {
        // Relative, so a deployment behind a path prefix (https://host/chatbot/) keeps it.
        var uri = new UriBuilder(new Uri(baseAddress, "api/v1/voice/stream")) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" };
        if (accessToken is not null)
        {
            uri.Query = "access_token=" + Uri.EscapeDataString(accessToken);
        }

        var socket = new ClientWebSocket();
        if (bearer is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + bearer);
        }

        try
        {
            await socket.ConnectAsync(uri.Uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new VoiceClient(socket);
    }

    /// <summary>Sends a JSON message (an anonymous object with the protocol's field names in PascalCase or snake_case).</summary>
    public Task SendJsonAsync(object message, CancellationToken cancellationToken = default) =>
        SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(message, Json), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Sends raw bytes as one message.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends <c>start</c> and waits for <c>ready</c> (or the error).</summary>
    public async Task<VoiceEvent> StartAsync(
        string? conversationId, string codec, int sampleRate, int minSpeechMs = 200, int minSilenceMs = 500, string? lang = "en-US",
        CancellationToken cancellationToken = default)
    {
        await SendJsonAsync(new
        {
            type = "start",
            conversation_id = conversationId,
            codec,
            sample_rate = sampleRate,
            lang,
            vad = new { enable = true, min_speech_ms = minSpeechMs, min_silence_ms = minSilenceMs },
        }, cancellationToken);
        return await WaitForAsync(e => e.Type is VoiceEventTypes.Ready or VoiceEventTypes.Error, cancellationToken);
    }

    /// <summary>Sends one audio payload as an <c>audio</c> message (base64, with the next seq) or as a binary frame.</summary>
    public async Task SendAudioAsync(byte[] payload, bool binary = false, CancellationToken cancellationToken = default)
    {
        if (binary)
        {
            await SendRawAsync(payload, WebSocketMessageType.Binary, cancellationToken);
        }
        else
        {
            await SendJsonAsync(new { type = "audio", seq = Interlocked.Increment(ref _seq), chunk = Convert.ToBase64String(payload) }, cancellationToken);
        }

        Interlocked.Increment(ref _uplinkFrames);
    }

    /// <summary>
    /// Sends 20 ms payloads in real time (one every 20 ms, as a microphone would), until they run out or
    /// <paramref name="until"/> completes.
    /// </summary>
    public async Task StreamAsync(IEnumerable<byte[]> payloads, Task? until = null, bool binary = false, CancellationToken cancellationToken = default)
    {
        var start = TimeProvider.System.GetTimestamp();
        var sent = 0;
        foreach (var payload in payloads)
        {
            if (until?.IsCompleted == true)
            {
                return;
            }

            var due = AudioFormat.FrameDuration * sent - TimeProvider.System.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            await SendAudioAsync(payload, binary, cancellationToken);
            sent++;
        }
    }

    /// <summary>Reads messages until one matches; returns it.</summary>
    public async Task<VoiceEvent> WaitForAsync(Func<VoiceEvent, bool> match, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var received = await NextAsync(cancellationToken);
            if (match(received.Event))
            {
                return received.Event;
            }
        }
    }

    /// <summary>
    /// Reads the next message (kept in <see cref="Received"/> too), with when it arrived; throws
    /// <see cref="InvalidOperationException"/> once the socket has closed and every message was read.
    /// </summary>
    public async Task<ReceivedVoiceEvent> NextAsync(CancellationToken cancellationToken = default)
    {
        while (await _incoming.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_incoming.Reader.TryRead(out var received))
            {
                Received.Add(received);
                return received;
            }
        }

        throw new InvalidOperationException(
            $"The socket closed ({_socket.CloseStatus} '{_socket.CloseStatusDescription}') without the message expected; got: " +
            string.Join(", ", Received.Select(r => r.Event.Type)));
    }

    /// <summary>Reads messages until one of <paramref name="type"/> arrives.</summary>
    public Task<VoiceEvent> WaitForAsync(string type, CancellationToken cancellationToken = default) =>
        WaitForAsync(e => e.Type == type, cancellationToken);

    /// <summary>Reads every message until the server closes; returns its close status and reason.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> WaitForCloseAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var received in _incoming.Reader.ReadAllAsync(cancellationToken))
        {
            Received.Add(received);
        }

        return (_socket.CloseStatus, _socket.CloseStatusDescription);
    }

    /// <summary>The messages of <paramref name="type"/> read so far.</summary>
    public IEnumerable<VoiceEvent> OfType(string type) => Received.Select(r => r.Event).Where(e => e.Type == type);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        try
        {
            await _receiver;
        }
        catch (WebSocketException)
        {
            // Aborted above.
        }

        _socket.Dispose();
        _send.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var arrived = TimeProvider.System.GetTimestamp();
                    var e = JsonSerializer.Deserialize<VoiceEvent>(message.GetBuffer().AsSpan(0, (int)message.Length), Json)!;
                    message.SetLength(0);
                    _incoming.Writer.TryWrite(new ReceivedVoiceEvent(e, Uplink, arrived));
                }
            }
        }
        catch (WebSocketException ex)
        {
            _incoming.Writer.TryComplete(ex);
            return;
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }
}
