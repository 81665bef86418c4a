using Chatbot.Testing.Gateway;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using static Chatbot.Gateway.Tests.Grpc.GrpcTestClient;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>
/// gRPC calls pass the HTTP API's authentication and tenancy: no or a bad token is UNAUTHENTICATED, a tenant header
/// that contradicts the token is PERMISSION_DENIED, and one tenant never sees another's conversations or datasets.
/// </summary>
public sealed class GrpcTenancyTests : IAsyncLifetime
{
    private readonly string _a = TestTokens.For("grpc-tenant-a");
    private readonly string _b = TestTokens.For("grpc-tenant-b");
    private GatewayHost _host = null!;
    private GrpcChannel _channel = null!;
    private Wire.ChatService.ChatServiceClient _chat = null!;
    private Wire.ConversationService.ConversationServiceClient _conversations = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        _channel = Channel(_host);
        _chat = new Wire.ChatService.ChatServiceClient(_channel);
        _conversations = new Wire.ConversationService.ConversationServiceClient(_channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Calls_WithoutOrWithABadToken_Unauthenticated()
    {
        var forged = TestTokens.For("grpc-tenant-a", key: "another-signing-key-0123456789-abcdefghijklmnop");

        await AssertFailsAsync(StatusCode.Unauthenticated, () => DrainAsync(_chat.StreamChat(Turn(NewId(), "hello"), cancellationToken: Ct)));
        await AssertFailsAsync(StatusCode.Unauthenticated,
            async () => await _conversations.ListConversationsAsync(new Wire.ListConversationsRequest(), cancellationToken: Ct));
        await AssertFailsAsync(StatusCode.Unauthenticated,
            async () => await _conversations.ListConversationsAsync(new Wire.ListConversationsRequest(), Token(forged), cancellationToken: Ct));
        await AssertFailsAsync(StatusCode.Unauthenticated, async () => await new Wire.KnowledgeService.KnowledgeServiceClient(_channel)
            .GetStatusAsync(new Wire.GetStatusRequest { DatasetId = "default" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task Calls_TenantHeaderContradictsToken_PermissionDenied()
    {
        await AssertFailsAsync(StatusCode.PermissionDenied, async () => await _conversations.ListConversationsAsync(
            new Wire.ListConversationsRequest(), Token(_a, tenantHeader: "grpc-tenant-b"), cancellationToken: Ct));
    }

    [Fact]
    public async Task History_OwnConversationListedAndReadAsOverHttp_OtherTenantGetsNotFound()
    {
        var conversation = NewId();
        var requestId = NewId();
        var events = await ReadAllAsync(_chat.StreamChat(Turn(conversation, "what is new?", requestId), Token(_a), cancellationToken: Ct));

        var own = await _conversations.GetConversationAsync(new Wire.GetConversationRequest { Id = conversation }, Token(_a), cancellationToken: Ct);
        var http = await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}", _a);
        var ownList = await _conversations.ListConversationsAsync(new Wire.ListConversationsRequest { Limit = 200 }, Token(_a), cancellationToken: Ct);
        var otherList = await _conversations.ListConversationsAsync(new Wire.ListConversationsRequest(), Token(_b), cancellationToken: Ct);

        Assert.Equal("done", events[^1].Type);
        Assert.Equal(["user", "assistant"], own.Messages.Select(m => m.Role));
        Assert.Equal(
            http.GetProperty("messages").EnumerateArray().Select(m =>
                (m.GetProperty("role").GetString(), m.GetProperty("content").GetString(), m.GetProperty("request_id").GetString(), m.GetProperty("status").GetString())),
            own.Messages.Select(m => ((string?)m.Role, (string?)m.Content, (string?)m.RequestId, (string?)m.Status)));
        Assert.Equal(requestId, own.Messages[1].RequestId);
        Assert.Equal(http.GetProperty("title").GetString(), own.Title);
        Assert.Contains(ownList.Items, c => c.Id == conversation);
        Assert.DoesNotContain(otherList.Items, c => c.Id == conversation);
        await AssertFailsAsync(StatusCode.NotFound, async () => await _conversations.GetConversationAsync(
            new Wire.GetConversationRequest { Id = conversation }, Token(_b), cancellationToken: Ct), "id");
        await AssertFailsAsync(StatusCode.NotFound, () => DrainAsync(_chat.ResumeChat(
            new Wire.ResumeChatRequest { ConversationId = conversation }, Token(_b), cancellationToken: Ct)), "conversation_id");
    }

    [Fact]
    public async Task ListConversations_LimitOutOfRange_InvalidArgumentNamingLimit()
    {
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _conversations.ListConversationsAsync(
            new Wire.ListConversationsRequest { Limit = 0 }, Token(_a), cancellationToken: Ct), "limit");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _conversations.ListConversationsAsync(
            new Wire.ListConversationsRequest { Offset = -1 }, Token(_a), cancellationToken: Ct), "offset");
    }
}
