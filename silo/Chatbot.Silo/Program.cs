using Chatbot.Hosting;
using Chatbot.Hosting.Health;
using Chatbot.Hosting.Storage;
using Chatbot.Hosting.Telemetry;

// A silo process of a cluster: configuration chooses clustering and storage (see README, "Configuration").
// `Chatbot.Silo migrate [--Chatbot:...]` applies the PostgreSQL schema and exits instead.
if (args is [PostgresMigrationCommand.Name, .. var migrateArgs])
{
    return await PostgresMigrationCommand.RunAsync(migrateArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
builder.Services.AddChatbotHealthChecks();

var app = builder.Build();
app.MapChatbotHealthChecks();
app.MapChatbotMetrics();
await app.RunAsync();
return 0;
