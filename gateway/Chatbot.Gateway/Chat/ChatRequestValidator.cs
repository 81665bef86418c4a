using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Chatbot.Knowledge;
using Chatbot.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Chat;

/// <summary>Checks a chat request at the edge, before anything reaches a grain; each failure names its field.</summary>
internal static class ChatRequestValidator
{
    /// <summary>The new turn's question, or the problem with the request.</summary>
    public static (string? Question, ValidationProblem? Problem) Validate(ChatStreamRequest request, ConversationOptions limits)
    {
        if (request.ConversationId is not null && !ConversationKey.IsValidId(request.ConversationId))
        {
            return Fail("conversation_id", $"conversation_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.");
        }

        if (request.Temperature is < 0 or > 2)
        {
            return Fail("temperature", "temperature must be between 0 and 2.");
        }

        if (request.TopK is < 1 or > 100)
        {
            return Fail("top_k", "top_k must be between 1 and 100.");
        }

        if (CheckDatasets(request.DatasetIds) is { } datasets)
        {
            return (null, datasets);
        }

        return ValidateMessages(request.Messages?.Select(m => (m.Role, m.Content)).ToList(), limits);
    }

    /// <summary>The problem with a list of dataset ids (<c>dataset_ids</c>, also of gRPC searches), or null.</summary>
    public static ValidationProblem? CheckDatasets(IReadOnlyList<string>? datasetIds)
    {
        for (var i = 0; i < datasetIds?.Count; i++)
        {
            if (!DatasetKey.IsValidDataset(datasetIds[i]))
            {
                return Problems.BadField($"dataset_ids[{i}]", $"dataset_ids[{i}] must be 1–64 ASCII letters, digits, '-', '_' or '.'.");
            }
        }

        return null;
    }

    /// <summary>Checks a message list and returns the last user message's content.</summary>
    public static (string? Question, ValidationProblem? Problem) ValidateMessages(
        IReadOnlyList<(string? Role, string? Content)>? messages, ConversationOptions limits)
    {
        if (messages is null || messages.Count == 0)
        {
            return Fail("messages", "messages must contain at least one message.");
        }

        var last = -1;
        for (var i = 0; i < messages.Count; i++)
        {
            var (role, content) = messages[i];
            if (role is not (ChatRoles.User or ChatRoles.Assistant or ChatRoles.System))
            {
                return Fail($"messages[{i}].role", $"messages[{i}].role must be 'user', 'assistant' or 'system'.");
            }

            if (content is null)
            {
                return Fail($"messages[{i}].content", $"messages[{i}].content is required.");
            }

            if (content.Length > limits.MaxMessageChars)
            {
                return Fail($"messages[{i}].content", $"messages[{i}].content is longer than {limits.MaxMessageChars} characters.");
            }

            if (role == ChatRoles.User)
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return Fail("messages", "messages must contain a 'user' message.");
        }

        if (string.IsNullOrWhiteSpace(messages[last].Content))
        {
            return Fail($"messages[{last}].content", $"messages[{last}].content must not be empty.");
        }

        return (messages[last].Content, null);
    }

    private static (string?, ValidationProblem?) Fail(string field, string message) => (null, Problems.BadField(field, message));
}
