using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Testing.Gateway;

/// <summary>
/// Wraps the app's HTTP server to signal the moment it listens: the barrier for tests that talk to a gateway whose
/// start-up is still under way (a client-mode gateway waiting for a cluster).
/// </summary>
internal sealed class ListeningSignalServer(IServer inner) : IServer
{
    /// <summary>Completes once the server accepts connections; faults if it could not start.</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IFeatureCollection Features => inner.Features;

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        try
        {
            await inner.StartAsync(application, cancellationToken);
            Listening.TrySetResult();
        }
        catch (Exception ex)
        {
            Listening.TrySetException(ex);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => inner.Dispose();

    /// <summary>Replaces the registered <see cref="IServer"/> (Kestrel) by a wrapper around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var kestrel = services.Last(d => d.ServiceType == typeof(IServer));
        var type = kestrel.ImplementationType ?? throw new InvalidOperationException("The HTTP server is not registered by type.");
        services.AddSingleton(sp => new ListeningSignalServer((IServer)ActivatorUtilities.CreateInstance(sp, type)));
        services.AddSingleton<IServer>(sp => sp.GetRequiredService<ListeningSignalServer>());
    }
}
