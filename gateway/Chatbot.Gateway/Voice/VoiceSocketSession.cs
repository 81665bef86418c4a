using System.Net.WebSockets;
using System.Text.Json;
using Chatbot.Conversations;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Chatbot.Voice;

namespace Chatbot.Gateway.Voice;

/// <summary>
/// One client's voice WebSocket: reads its messages (JSON <c>start</c>, <c>audio</c>, <c>text</c>, <c>stop</c>, or
/// binary audio), turns each into a call on the session's <see cref="IVoiceSessionGrain"/>, and relays the grain's
/// events back as JSON. Bad input gets an <c>error</c> message naming the field and the session goes on; an oversized
/// message, an idle client, a draining gateway or a lost session end it with a close frame that says why.
/// </summary>
internal sealed partial class VoiceSocketSession(
    WebSocket socket, IGrainFactory grains, string tenant, VoiceStreamOptions limits, int maxTextChars, GatewayDrain drain, ILogger logger)
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private IVoiceSessionGrain? _grain;
    private string? _sessionKey;
    private Task _relay = Task.CompletedTask;
    private long? _lastSeq;
    private bool _closeSent;

    public async Task RunAsync(CancellationToken aborted)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(aborted, drain.Draining);
        var buffer = new byte[limits.MaxMessageBytes + 1];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                // 1. The next whole message, within the idle timeout and the size limit.
                watch.CancelAfter(TimeSpan.FromSeconds(limits.IdleTimeoutSeconds));
                var receive = ReceiveMessageAsync(buffer);
                (WebSocketMessageType Type, int Length) message;
                try
                {
                    message = await receive.WaitAsync(watch.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await EndAsync(receive, drain.IsDraining);
                    return;
                }

                if (message.Type == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                    return;
                }

                if (message.Length > limits.MaxMessageBytes)
                {
                    await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.MessageTooLarge,
                        $"A message may be at most {limits.MaxMessageBytes} bytes (Chatbot:Voice:Stream:MaxMessageBytes).", "message"));
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {limits.MaxMessageBytes} bytes");
                    await Quietly(FinishCloseAsync(buffer));
                    return;
                }

                // 2. Its meaning, as grain calls; a bad message gets an error and the session goes on.
                try
                {
                    if (message.Type == WebSocketMessageType.Binary)
                    {
                        await AudioAsync(buffer.AsSpan(0, message.Length).ToArray());
                    }
                    else
                    {
                        await HandleAsync(buffer.AsMemory(0, message.Length), aborted);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not WebSocketException)
                {
                    // A grain call failed (timed out under load, an engine that would not load, a lost silo): say so
                    // rather than drop the socket. Before start the client may try again; after it the session is gone.
                    if (!await FailedAsync(ex))
                    {
                        return;
                    }
                }
            }
        }
        catch (WebSocketException ex)
        {
            LogSocketLost(logger, _sessionKey ?? "(not started)", ex.Message);
        }
        finally
        {
            await TeardownAsync();
        }
    }

    private async Task<(WebSocketMessageType Type, int Length)> ReceiveMessageAsync(byte[] buffer)
    {
        var filled = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
            filled += result.Count;
            if (result.MessageType == WebSocketMessageType.Close || result.EndOfMessage || filled == buffer.Length)
            {
                return (result.MessageType, filled);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> json, CancellationToken aborted)
    {
        VoiceClientMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<VoiceClientMessage>(json.Span, GatewayJson.Api);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "message" : ex.Path.TrimStart('$', '.');
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidJson, $"The message is not valid JSON at '{field}'.", field));
            return;
        }

        switch (message?.Type)
        {
            case VoiceClientMessageTypes.Start:
                await StartAsync(message, aborted);
                break;
            case VoiceClientMessageTypes.Audio:
                await AudioMessageAsync(message);
                break;
            case VoiceClientMessageTypes.Text:
                await TextAsync(message);
                break;
            case VoiceClientMessageTypes.Stop:
                await StopAsync();
                break;
            default:
                await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.UnknownType,
                    message?.Type is null ? "type is required: start, audio, text or stop." : $"type must be start, audio, text or stop (was '{message.Type}').",
                    "type"));
                break;
        }
    }

    private async Task StartAsync(VoiceClientMessage message, CancellationToken aborted)
    {
        if (_grain is not null)
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.AlreadyStarted, "The session has already started.", "type"));
            return;
        }

        var conversationId = message.ConversationId ?? "c_" + Guid.NewGuid().ToString("N");
        if (!ConversationKey.IsValidId(conversationId))
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidField,
                $"conversation_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.", "conversation_id"));
            return;
        }

        var key = VoiceSessionKey.Format(tenant, "vs_" + Guid.NewGuid().ToString("N"));
        var grain = grains.GetGrain<IVoiceSessionGrain>(key);
        var ready = await grain.StartAsync(new VoiceSessionStart
        {
            ConversationId = conversationId,
            Codec = message.Codec,
            SampleRate = message.SampleRate ?? 0,
            Language = message.Lang,
            Vad = message.Vad?.Settings,
            DatasetIds = message.DatasetIds,
        }, aborted);
        if (ready.Type != VoiceEventTypes.Ready)
        {
            await grain.CloseAsync(); // not started: let the activation go; the client may send start again
            await SendAsync(ready);
            return;
        }

        _grain = grain;
        _sessionKey = key;
        LogStarted(logger, key, conversationId);
        await SendAsync(ready);
        _relay = RelayAsync(grain, _lifetime.Token);
    }

    private async Task AudioMessageAsync(VoiceClientMessage message)
    {
        if (message.Chunk is not { } chunk)
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidField, "chunk is required: base64 audio in the session's codec.", "chunk"));
            return;
        }

        var payload = new byte[chunk.Length * 3 / 4];
        if (!Convert.TryFromBase64String(chunk, payload, out var length))
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidAudio, "chunk is not valid base64.", "chunk"));
            return;
        }

        if (message.Seq is { } seq)
        {
            if (seq <= _lastSeq)
            {
                await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidField, $"seq must increase (was {seq} after {_lastSeq}); the chunk was dropped.", "seq"));
                return;
            }

            _lastSeq = seq;
        }

        await AudioAsync(payload[..length]);
    }

    private async Task AudioAsync(byte[] payload)
    {
        if (_grain is not { } grain)
        {
            await NotStartedAsync();
            return;
        }

        await grain.PushAudioAsync(new VoiceAudio([payload]));
    }

    private async Task TextAsync(VoiceClientMessage message)
    {
        if (_grain is not { } grain)
        {
            await NotStartedAsync();
            return;
        }

        if (string.IsNullOrWhiteSpace(message.Text) || message.Text.Length > maxTextChars)
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.InvalidField, $"text must be 1–{maxTextChars} characters.", "text"));
            return;
        }

        await grain.SendTextAsync(message.Text);
    }

    private async Task StopAsync()
    {
        if (_grain is not { } grain)
        {
            await NotStartedAsync();
            return;
        }

        // The relay closes the socket once the last answer was spoken.
        await grain.CompleteAsync();
    }

    /// <summary>Reports a failed grain call; whether the socket stays open (a start that failed can be sent again).</summary>
    private async Task<bool> FailedAsync(Exception ex)
    {
        if (_grain is null)
        {
            LogStartFailed(logger, ex);
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.SessionFailed, "The voice session could not start; send start again.", "type"));
            return true;
        }

        await SessionLostAsync(ex);
        return false;
    }

    // The started session cannot go on (its silo failed, or a call on it did): say so and close.
    private async Task SessionLostAsync(Exception ex)
    {
        LogSessionLost(logger, ex, _sessionKey!);
        await Quietly(SendAsync(VoiceEvent.Failure(VoiceErrorCodes.SessionFailed, "The voice session was lost; start a new one (the conversation keeps its history).")));
        await Quietly(CloseAsync(WebSocketCloseStatus.InternalServerError, "session lost"));
    }

    private Task NotStartedAsync() =>
        SendAsync(VoiceEvent.Failure(VoiceErrorCodes.NotStarted, "Send a start message before audio, text or stop.", "type"));

    private async Task RelayAsync(IVoiceSessionGrain grain, CancellationToken cancellationToken)
    {
        try
        {
            var fatal = false;
            await foreach (var e in grain.StreamEventsAsync(cancellationToken))
            {
                await SendAsync(e);
                fatal |= e.IsFatal;
            }

            // The session is over: after stop, the last answer was spoken; or it gave up on a client that did not read.
            await CloseAsync(fatal ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure, fatal ? "client too slow" : "session complete");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is ending.
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not WebSocketException)
        {
            await SessionLostAsync(ex);
        }
    }

    // Idle or draining: say why, close, and give the client a moment to answer the close.
    private async Task EndAsync(Task pendingReceive, bool draining)
    {
        if (draining)
        {
            await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
        else
        {
            await SendAsync(VoiceEvent.Failure(VoiceErrorCodes.IdleTimeout,
                $"No message for {limits.IdleTimeoutSeconds} s (Chatbot:Voice:Stream:IdleTimeoutSeconds); the session ends."));
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "idle timeout");
        }

        await Quietly(pendingReceive.WaitAsync(CloseHandshakeTimeout));
    }

    private async Task FinishCloseAsync(byte[] buffer)
    {
        // Drain what the client still sends until its close frame.
        while (socket.State == WebSocketState.CloseSent)
        {
            if ((await ReceiveMessageAsync(buffer).WaitAsync(CloseHandshakeTimeout)).Type == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task SendAsync(VoiceEvent e)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(e, GatewayJson.Events);
        await _send.WaitAsync(_lifetime.Token);
        try
        {
            if (!_closeSent && socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _send.WaitAsync(_lifetime.Token);
        try
        {
            if (!_closeSent && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                _closeSent = true;
                await socket.CloseOutputAsync(status, reason, _lifetime.Token);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task TeardownAsync()
    {
        if (_grain is { } grain)
        {
            try
            {
                await grain.CloseAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSessionLost(logger, ex, _sessionKey!); // its silo is gone, and the session with it
            }
        }

        await _lifetime.CancelAsync();
        await Quietly(_relay);
        _lifetime.Dispose();
        LogEnded(logger, _sessionKey ?? "(not started)", socket.CloseStatus?.ToString() ?? socket.State.ToString());
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or WebSocketException or ObjectDisposedException)
        {
            // The connection is already going away.
        }
    }

    [LoggerMessage(4301, LogLevel.Debug, "Voice session {Key} started in conversation {ConversationId}")]
    private static partial void LogStarted(ILogger logger, string key, string conversationId);

    [LoggerMessage(4302, LogLevel.Debug, "Voice session {Key} ended ({Close})")]
    private static partial void LogEnded(ILogger logger, string key, string close);

    [LoggerMessage(4303, LogLevel.Information, "Voice session {Key}: the client's connection broke ({Reason})")]
    private static partial void LogSocketLost(ILogger logger, string key, string reason);

    [LoggerMessage(4304, LogLevel.Warning, "Voice session {Key} was lost")]
    private static partial void LogSessionLost(ILogger logger, Exception exception, string key);

    [LoggerMessage(4305, LogLevel.Warning, "A voice session could not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
