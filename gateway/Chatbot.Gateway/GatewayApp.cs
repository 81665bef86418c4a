using Chatbot.Hosting;
using Chatbot.Hosting.Health;

namespace Chatbot.Gateway;

/// <summary>Builds the gateway application; shared by <c>Program</c> and the tests that host it on a real Kestrel port.</summary>
public static class GatewayApp
{
    /// <summary>Builds the app from command-line arguments; <paramref name="configure"/> lets a test add configuration or services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
        builder.Services.AddChatbotHealthChecks();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapChatbotHealthChecks();
        return app;
    }
}
