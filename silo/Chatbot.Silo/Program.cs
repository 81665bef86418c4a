using Chatbot.Hosting;
using Chatbot.Hosting.Health;

// A silo process of a cluster: configuration chooses clustering and storage (see README, "Configuration").
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
builder.Services.AddChatbotHealthChecks();

var app = builder.Build();
app.MapChatbotHealthChecks();
await app.RunAsync();
