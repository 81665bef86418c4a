using System.Net.WebSockets;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Chatbot.Voice.Asr;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Voice;

/// <summary>
/// A voice session whose start fails inside the grain (here the speech recognizer will not load once; under load the
/// grain call times out the same way): the client gets an <c>error</c> instead of a dropped socket, its socket stays
/// open, and a second <c>start</c> on it works.
/// </summary>
public sealed class VoiceStartFailureTests : IAsyncLifetime
{
    private readonly FailingOnceRecognizer.Switch _failures = new();
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(services: services =>
    {
        var original = services.Last(d => d.ServiceType == typeof(ISpeechRecognizer));
        services.AddSingleton<ISpeechRecognizer>(sp => new FailingOnceRecognizer(Resolve(original, sp), _failures));
    }, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Start_RecognizerFailsToLoad_ErrorNotADroppedSocketAndAStartCanFollow()
    {
        await using var client = await VoiceClient.ConnectAsync(_host.BaseAddress, cancellationToken: Ct);
        _failures.Arm(1);

        var failed = await client.StartAsync("c-start-fails", "pcm16", 16_000, cancellationToken: Ct);
        var ready = await client.StartAsync("c-start-fails", "pcm16", 16_000, cancellationToken: Ct);

        Assert.Equal((VoiceEventTypes.Error, VoiceErrorCodes.SessionFailed, "type"), (failed.Type, failed.Code, failed.Field));
        Assert.Equal(VoiceEventTypes.Ready, ready.Type);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
        Assert.Equal(1, _failures.Failed);
    }

    private static ISpeechRecognizer Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (ISpeechRecognizer)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>The platform's recognizer, failing to start as often as <see cref="Switch.Arm"/> says.</summary>
    private sealed class FailingOnceRecognizer(ISpeechRecognizer inner, FailingOnceRecognizer.Switch failures) : ISpeechRecognizer
    {
        public ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default) =>
            failures.TryFail()
                ? throw new InvalidOperationException("The acoustic model could not be loaded.")
                : inner.StartAsync(options, cancellationToken);

        public sealed class Switch
        {
            private int _remaining;
            private int _failed;

            public int Failed => Volatile.Read(ref _failed);

            public void Arm(int failures) => Volatile.Write(ref _remaining, failures);

            public bool TryFail()
            {
                int remaining;
                do
                {
                    remaining = Volatile.Read(ref _remaining);
                    if (remaining <= 0)
                    {
                        return false;
                    }
                }
                while (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) != remaining);

                Interlocked.Increment(ref _failed);
                return true;
            }
        }
    }
}
