using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>The address a started Kestrel server bound (it listens on port 0, so the OS picks a free one).</summary>
internal static class ServerAddress
{
    /// <summary>Kestrel URLs for a free loopback port.</summary>
    public const string LoopbackUrls = "http://127.0.0.1:0";

    /// <summary>The first address <paramref name="app"/> listens on.</summary>
    public static Uri Of(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
