using System.Text;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Grpc;
using Google.Protobuf;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using static Chatbot.Gateway.Tests.Grpc.GrpcTestClient;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>
/// An independent client: <c>@grpc/grpc-js</c> under node, with the checked-in protos loaded at run time by
/// <c>@grpc/proto-loader</c> (<c>tests/grpc-js</c>). It streams the same turn as the SSE stream and gets the same events.
/// </summary>
public sealed class GrpcJsClientTests : IAsyncLifetime
{
    private const string Question = "What is the emergency hotline number?";
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private readonly string _token = TestTokens.For("grpc-js-tenant");
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        using var upload = await UploadAsync(_host.Client, _token, null, null,
            ("hotline.txt", "text/plain", Encoding.UTF8.GetBytes("Emergencies\n\nThe emergency hotline number is 555-0199.")));
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitUntilSettledAsync(_host.Client, _token, "default");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task StreamChat_GrpcJsClient_SameEventsAsTheSseStream()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var requestId = Guid.NewGuid().ToString("N");

        var sse = await ChatAsync(_host.Client, ChatRequest(conversation, Question, requestId, _token));
        var node = await GrpcJsClient.StreamChatAsync(_host.GrpcAddress, _token, new
        {
            conversation_id = conversation,
            request_id = requestId,
            messages = new[] { new { role = "user", content = Question } },
        }, Ct);

        Assert.Null(node.Error);
        Assert.Contains(sse, e => e.Type == "refs" && e.Json.GetProperty("references").GetArrayLength() > 0);
        Assert.Equal(sse.Select(e => e.Data), node.Events.Select(line => SseData(s_parser.Parse<Wire.ChatEvent>(line))));
    }

    [Fact]
    public async Task StreamChat_GrpcJsClientWithoutToken_Unauthenticated()
    {
        var node = await GrpcJsClient.StreamChatAsync(_host.GrpcAddress, token: null, new
        {
            messages = new[] { new { role = "user", content = Question } },
        }, Ct);

        Assert.Empty(node.Events);
        Assert.Equal(16, node.Error!.Value.GetProperty("code").GetInt32()); // UNAUTHENTICATED
    }
}
