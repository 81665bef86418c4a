using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Conversations;
using Chatbot.Gateway.Knowledge;
using Chatbot.Hosting.Health;
using Chatbot.Knowledge;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Grpc;

/// <summary>
/// The gRPC API: the chat, knowledge and conversation services on their own HTTP/2 port, the standard health service
/// (the same checks as <c>/readyz</c>) and reflection. Calls go through the HTTP pipeline like any request, so the
/// same authentication, tenancy, rate limits and draining apply.
/// </summary>
internal static class GrpcExtensions
{
    // The platform's services, by their full gRPC names: the health service answers for each (and for "", the server).
    private static readonly string[] s_services =
    [
        Chatbot.Gateway.Grpc.V1.ChatService.Descriptor.FullName,
        Chatbot.Gateway.Grpc.V1.KnowledgeService.Descriptor.FullName,
        Chatbot.Gateway.Grpc.V1.ConversationService.Descriptor.FullName,
    ];

    public static WebApplicationBuilder AddChatbotGrpc(this WebApplicationBuilder builder, GatewayOptions gateway)
    {
        GrpcListener.Listen(builder, gateway.GrpcPort);
        builder.Services.AddGrpc(o => o.Interceptors.Add<GrpcErrorInterceptor>());

        // An upload is one message: room for the largest file the knowledge options allow, plus the other fields.
        builder.Services.AddOptions<GrpcServiceOptions<KnowledgeGrpcService>>()
            .Configure<IOptions<KnowledgeOptions>>((grpc, knowledge) =>
                grpc.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, knowledge.Value.MaxUploadBytes + 64 * 1024));

        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Clear();
            foreach (var service in s_services.Prepend(""))
            {
                o.Services.Map(service, check => check.Tags.Contains(ChatbotHealthChecks.ReadyTag));
            }
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static IEndpointRouteBuilder MapChatbotGrpc(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ChatGrpcService>();
        endpoints.MapGrpcService<KnowledgeGrpcService>();
        endpoints.MapGrpcService<ConversationGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
