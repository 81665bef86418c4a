using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Chatbot.Testing.Voice;
using Chatbot.Voice.Audio;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// Holds many open, quiet voice sessions on one gateway and reports the server's memory per session, as
/// <see cref="IdlePhase"/> does for SSE connections. Each session connects, starts (16 kHz PCM16) and then only sends
/// one 20 ms frame of silence every <see cref="KeepAliveInterval"/>, as a muted microphone's client keeps its session
/// from the server's idle timeout (<c>Chatbot:Voice:Stream:IdleTimeoutSeconds</c>, 30 s by default). Once all are open
/// the server's memory is read (after a settling pause); then every session sends <c>stop</c> and must be closed
/// normally by the server.
/// </summary>
internal static class IdleVoicePhase
{
    /// <summary>How often a held session sends a frame of silence.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(10);

    // A start readies the session's recognizer: with pocketsphinx it rents a decoder, and the server keeps 4 idle per
    // model (MaxIdleDecoders); each start beyond those loads one more, through the engines' gate. A burst of 100 starts
    // on a 2-core gateway took longer than the grain call timeout, so sessions are started as a steady stream instead.
    private const int MaxConcurrentOpens = 4;

    // Every session is a socket in this process (and, on the local instance, one in the gateway's): stay clear of the limit.
    private const int SparedFileDescriptors = 1_000;

    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromMinutes(2);
    private static readonly byte[] s_silence = new byte[AudioFormat.Internal.SamplesPerFrame * sizeof(short)];

    public static async Task<IdleResult> RunAsync(LoadTarget target, int sessions, CancellationToken cancellationToken)
    {
        if (OpenFileLimit() is { } limit && sessions > limit - SparedFileDescriptors)
        {
            sessions = Math.Max(1, limit - SparedFileDescriptors);
            Progress.Write($"idle voice sessions: {sessions} (this process may open {limit} files)");
        }

        using var metrics = target.CreateClient(4, TimeSpan.FromSeconds(30));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var held = new ConcurrentQueue<HeldSession>();
        var keepAlive = Task.CompletedTask;
        try
        {
            // 1. The server's memory before any session.
            await Task.Delay(s_settle, cancellationToken);
            var before = await ServerMemory.ReadAsync(metrics, cancellationToken);
            var run = Guid.NewGuid().ToString("N")[..8];
            keepAlive = KeepAliveAsync(held, stop.Token);

            // 2. The sessions, at most MaxConcurrentOpens starting at a time.
            var opening = Stopwatch.GetTimestamp();
            using (var opens = new SemaphoreSlim(MaxConcurrentOpens))
            {
                var starts = new List<Task>(sessions);
                for (var i = 0; i < sessions; i++)
                {
                    await opens.WaitAsync(cancellationToken);
                    var session = new HeldSession();
                    held.Enqueue(session);
                    starts.Add(session.StartAsync(target, $"idle-ws-{run}-{i.ToString(CultureInfo.InvariantCulture)}", opens, cancellationToken));
                }

                await Task.WhenAll(starts);
            }

            var openSeconds = Stopwatch.GetElapsedTime(opening).TotalSeconds;
            Progress.Write($"idle voice sessions: {held.Count(s => s.Error is null)} of {sessions} open in {openSeconds:F1} s");

            // 3. Memory with every session open and quiet.
            await Task.Delay(s_settle, cancellationToken);
            var openNow = held.Count(s => s.IsOpen);
            var after = await ServerMemory.ReadAsync(metrics, cancellationToken);

            // 4. Stop: each open session must be closed normally once the server has nothing left to say.
            var stopping = Stopwatch.GetTimestamp();
            stop.CancelAfter(s_closeTimeout);
            await Task.WhenAll(held.Select(s => s.StopAsync(stop.Token)));
            var stopSeconds = Stopwatch.GetElapsedTime(stopping).TotalSeconds;
            var closed = held.Count(s => s.Error is null && s.ClosedNormally);
            var errors = held.Where(s => s.Error is not null).Select(s => s.Error!).Distinct().Take(5).ToList();
            return new IdleResult(sessions, 0, openNow, closed, sessions - closed, openSeconds, stopSeconds, before, after, errors);
        }
        finally
        {
            await stop.CancelAsync();
            await keepAlive;
            await Task.WhenAll(held.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static async Task KeepAliveAsync(ConcurrentQueue<HeldSession> held, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await Task.WhenAll(held.Where(s => s.IsOpen).Select(s => s.SendSilenceAsync(cancellationToken)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The phase is over.
        }
    }

    // The soft limit on open files (Linux); null where it cannot be read.
    private static int? OpenFileLimit()
    {
        const string Path = "/proc/self/limits";
        var line = File.Exists(Path) ? File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3);
        return int.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
    }

    /// <summary>One held session: started, kept alive, stopped.</summary>
    private sealed class HeldSession : IAsyncDisposable
    {
        private VoiceClient? _client;

        public string? Error { get; private set; }

        public bool ClosedNormally { get; private set; }

        public bool IsOpen => Error is null && _client?.Socket.State == WebSocketState.Open;

        public async Task StartAsync(LoadTarget target, string conversationId, SemaphoreSlim opens, CancellationToken cancellationToken)
        {
            try
            {
                _client = await target.StartVoiceSessionAsync(conversationId, cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
            {
                Error = $"{ex.GetType().Name}: {ex.Message}";
            }
            finally
            {
                opens.Release();
            }
        }

        public async Task SendSilenceAsync(CancellationToken cancellationToken)
        {
            try
            {
                await _client!.SendRawAsync(s_silence, WebSocketMessageType.Binary, cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                Error ??= $"keep-alive: {ex.GetType().Name}: {ex.Message}";
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_client is not { } client || Error is not null)
            {
                return;
            }

            if (client.Socket.State != WebSocketState.Open)
            {
                Error = $"closed while held: {client.Socket.CloseStatus} '{client.Socket.CloseStatusDescription}'";
                return;
            }

            try
            {
                await client.SendJsonAsync(new { type = "stop" }, cancellationToken);
                var (status, reason) = await client.WaitForCloseAsync(cancellationToken);
                ClosedNormally = status == WebSocketCloseStatus.NormalClosure;
                Error = ClosedNormally ? null : $"closed after stop with {status} '{reason}'";
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                Error = $"stop: {ex.GetType().Name}: {ex.Message}";
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { } client)
            {
                await client.DisposeAsync();
            }
        }
    }
}
