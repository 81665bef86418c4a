using Chatbot.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Conversations;

/// <summary><c>chatbot.v1.ConversationService</c>: a tenant's history, with the checks and grain calls of <c>/api/v1/conversations</c>.</summary>
internal sealed class ConversationGrpcService(IGrainFactory grains) : Wire.ConversationService.ConversationServiceBase
{
    public override async Task<Wire.ConversationPage> ListConversations(Wire.ListConversationsRequest request, ServerCallContext context)
    {
        int? offset = request.HasOffset ? request.Offset : null;
        int? limit = request.HasLimit ? request.Limit : null;
        if (ConversationEndpoints.CheckPage(offset, limit) is { } problem)
        {
            throw GrpcErrors.From(problem);
        }

        var page = await ConversationEndpoints.ListPageAsync(grains, TenantMiddleware.Get(context.GetHttpContext()), offset, limit);
        var wire = new Wire.ConversationPage { Total = page.Total, Offset = page.Offset, Limit = page.Limit };
        wire.Items.AddRange(page.Items.Select(c => new Wire.ConversationSummary
        {
            Id = c.Id,
            Title = c.Title,
            CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(c.UpdatedAt),
        }));
        return wire;
    }

    public override async Task<Wire.Conversation> GetConversation(Wire.GetConversationRequest request, ServerCallContext context)
    {
        if (!ConversationKey.IsValidId(request.Id))
        {
            throw GrpcErrors.InvalidArgument("id", ConversationEndpoints.InvalidIdMessage);
        }

        var key = ConversationKey.Format(TenantMiddleware.Get(context.GetHttpContext()), request.Id);
        var snapshot = await grains.GetGrain<IConversationGrain>(key).GetAsync()
            ?? throw GrpcErrors.NotFound("id", ConversationEndpoints.NotFoundMessage(request.Id));
        return ToWire(snapshot);
    }

    private static Wire.Conversation ToWire(ConversationSnapshot snapshot)
    {
        var wire = new Wire.Conversation
        {
            Id = snapshot.Id,
            Title = snapshot.Title,
            CreatedAt = Timestamp.FromDateTimeOffset(snapshot.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(snapshot.UpdatedAt),
        };
        if (snapshot.ActiveRequestId is not null)
        {
            wire.ActiveRequestId = snapshot.ActiveRequestId;
        }

        foreach (var message in snapshot.Messages)
        {
            var stored = new Wire.StoredMessage
            {
                Role = message.Role,
                Content = message.Content,
                RequestId = message.RequestId,
                CreatedAt = Timestamp.FromDateTimeOffset(message.CreatedAt),
                Status = WireNames.Of(message.Status),
                Usage = message.Usage is null ? null : ChatGrpcWire.ToWire(message.Usage),
            };
            stored.References.AddRange((message.References ?? []).Select(ChatGrpcWire.ToWire));
            if (message.ErrorCode is not null)
            {
                stored.ErrorCode = message.ErrorCode;
            }

            wire.Messages.Add(stored);
        }

        return wire;
    }
}
