using System.Text;
using Chatbot.Testing.Gateway;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using static Chatbot.Gateway.Tests.Grpc.GrpcTestClient;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>
/// The gRPC chat stream against the SSE stream on one real gateway (embedded model, a document to cite): the same turn
/// read through both gives the same events — kinds, seq and payloads — and resumes the same way.
/// </summary>
public sealed class GrpcChatStreamTests : IAsyncLifetime
{
    private const string Question = "Where was the Falcon-7 satellite launched from?";
    private GatewayHost _host = null!;
    private GrpcChannel _channel = null!;
    private Wire.ChatService.ChatServiceClient _chat = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(cancellationToken: Ct);
        _channel = Channel(_host);
        _chat = new Wire.ChatService.ChatServiceClient(_channel);
        using var upload = await UploadAsync(_host.Client, null, null, null,
            ("falcon.txt", "text/plain", Encoding.UTF8.GetBytes("Launch records\n\nThe Falcon-7 satellite was launched from Kourou in March 2019.")));
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitUntilSettledAsync(_host.Client, null, "default");
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task StreamChat_TurnStartedOverSse_SameEventsOverGrpc()
    {
        var conversation = NewId();
        var requestId = NewId();

        var sse = await ChatAsync(_host.Client, ChatRequest(conversation, Question, requestId));
        var grpc = await ReadAllAsync(_chat.StreamChat(Turn(conversation, Question, requestId), cancellationToken: Ct));

        Assert.Equal(["delta", "refs", "done"], sse.Select(e => e.Type).Distinct());
        Assert.NotEmpty(sse.Single(e => e.Type == "refs").Json.GetProperty("references").EnumerateArray());
        Assert.Equal(sse.Select(e => e.Data), grpc.Select(SseData));
        Assert.Equal(sse.Select(e => e.Id), grpc.Select(e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task StreamChat_TurnStartedOverGrpc_SameEventsOverSseAndOneTurnInHistory()
    {
        var requestId = NewId();

        using var call = _chat.StreamChat(Turn(null, Question, requestId), cancellationToken: Ct);
        var grpc = await ReadAllAsync(call);
        var headers = await call.ResponseHeadersAsync;
        var conversation = headers.GetValue("x-conversation-id")!;
        var sse = await ChatAsync(_host.Client, ChatRequest(conversation, Question, requestId));
        var history = await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}");

        Assert.Equal(requestId, headers.GetValue("x-request-id"));
        Assert.Equal("done", grpc[^1].Type);
        Assert.Equal(grpc.Select(SseData), sse.Select(e => e.Data));
        Assert.Equal(2, history.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task StreamChat_LastSeq_ResumesWithTheRestExactlyAsLastEventId()
    {
        var conversation = NewId();
        var requestId = NewId();
        var full = await ReadAllAsync(_chat.StreamChat(Turn(conversation, Question, requestId), cancellationToken: Ct));

        var grpcTail = await ReadAllAsync(_chat.StreamChat(Turn(conversation, Question, requestId, lastSeq: 2), cancellationToken: Ct));
        var sseTail = await ChatAsync(_host.Client, ChatRequest(conversation, Question, requestId, lastEventId: "2"));
        var resumed = await ReadAllAsync(_chat.ResumeChat(
            new Wire.ResumeChatRequest { ConversationId = conversation, LastSeq = 1 }, cancellationToken: Ct));

        Assert.Equal(full.Skip(2), grpcTail);
        Assert.Equal(sseTail.Select(e => e.Data), grpcTail.Select(SseData));
        Assert.Equal(full.Skip(1), resumed);
    }

    [Fact]
    public async Task StreamChat_InvalidFields_InvalidArgumentNamingTheFieldAndNoTurn()
    {
        var conversation = NewId();
        var topK = Turn(conversation, Question);
        topK.TopK = 0;
        var noUser = new Wire.ChatRequest { ConversationId = conversation };
        noUser.Messages.Add(new Wire.ChatMessage { Role = "assistant", Content = "hello" });
        var badRole = Turn(conversation, Question);
        badRole.Messages[0].Role = "robot";

        await AssertFailsAsync(StatusCode.InvalidArgument, () => DrainAsync(_chat.StreamChat(topK, cancellationToken: Ct)), "top_k");
        await AssertFailsAsync(StatusCode.InvalidArgument, () => DrainAsync(_chat.StreamChat(noUser, cancellationToken: Ct)), "messages");
        await AssertFailsAsync(StatusCode.InvalidArgument, () => DrainAsync(_chat.StreamChat(badRole, cancellationToken: Ct)), "messages[0].role");
        await AssertFailsAsync(StatusCode.InvalidArgument,
            () => DrainAsync(_chat.StreamChat(Turn(conversation, Question, lastSeq: -1), cancellationToken: Ct)), "last_seq");
        await AssertFailsAsync(StatusCode.InvalidArgument,
            () => DrainAsync(_chat.StreamChat(Turn("a/b", Question), cancellationToken: Ct)), "conversation_id");

        var conversations = new Wire.ConversationService.ConversationServiceClient(_channel);
        await AssertFailsAsync(StatusCode.NotFound,
            async () => await conversations.GetConversationAsync(new Wire.GetConversationRequest { Id = conversation }, cancellationToken: Ct), "id");
    }

    [Fact]
    public async Task ResumeChat_UnknownConversation_NotFound()
    {
        await AssertFailsAsync(StatusCode.NotFound,
            () => DrainAsync(_chat.ResumeChat(new Wire.ResumeChatRequest { ConversationId = NewId() }, cancellationToken: Ct)), "conversation_id");
    }
}
