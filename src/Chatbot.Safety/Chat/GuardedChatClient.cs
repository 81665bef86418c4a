using System.Runtime.CompilerServices;
using Chatbot.Safety.Guards;
using Microsoft.Extensions.AI;

namespace Chatbot.Safety.Chat;

/// <summary>
/// Applies the <see cref="ContentGuard"/> around a chat model: the last user message is inspected as input (a
/// blocked message never reaches the model and gets a refusal, a sanitised one is replaced by its sanitised text),
/// and a non-streamed answer is inspected as output. Streamed answers pass through token by token, uninspected:
/// redacting them would mean holding the stream back. The tenant comes from
/// <see cref="ChatOptions.AdditionalProperties"/>[<see cref="TenantIdProperty"/>]; without it the default policy applies.
/// Thread-safe.
/// </summary>
public sealed class GuardedChatClient(IChatClient innerClient, ContentGuard guard) : DelegatingChatClient(innerClient)
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key carrying the tenant id.</summary>
    public const string TenantIdProperty = "chatbot.tenant_id";

    /// <summary>The answer given instead of calling the model when the input is blocked.</summary>
    public const string RefusalText = "I can't help with that request.";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tenant = TenantOf(options);
        var (prompt, blocked) = GuardInput(messages, tenant);
        if (blocked is not null)
        {
            return Refusal(blocked);
        }

        var response = await base.GetResponseAsync(prompt, options, cancellationToken);
        var verdict = guard.Inspect(tenant, response.Text, GuardDirection.Output);
        return verdict.Action switch
        {
            GuardAction.Block => Refusal(verdict),
            GuardAction.Sanitize => new ChatResponse(new ChatMessage(ChatRole.Assistant, verdict.Text))
            {
                ResponseId = response.ResponseId,
                ModelId = response.ModelId,
                FinishReason = response.FinishReason,
                Usage = response.Usage,
            },
            _ => response,
        };
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (prompt, blocked) = GuardInput(messages, TenantOf(options));
        if (blocked is not null)
        {
            foreach (var update in Refusal(blocked).ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        await foreach (var update in base.GetStreamingResponseAsync(prompt, options, cancellationToken))
        {
            yield return update;
        }
    }

    private (List<ChatMessage> Prompt, GuardVerdict? Blocked) GuardInput(IEnumerable<ChatMessage> messages, string tenant)
    {
        var prompt = messages.ToList();
        var last = prompt.FindLastIndex(m => m.Role == ChatRole.User);
        if (last < 0)
        {
            return (prompt, null);
        }

        var verdict = guard.Inspect(tenant, prompt[last].Text, GuardDirection.Input);
        if (verdict.IsBlocked)
        {
            return (prompt, verdict);
        }

        if (verdict.Action == GuardAction.Sanitize)
        {
            prompt[last] = new ChatMessage(ChatRole.User, verdict.Text) { AuthorName = prompt[last].AuthorName, MessageId = prompt[last].MessageId };
        }

        return (prompt, null);
    }

    private static ChatResponse Refusal(GuardVerdict verdict) => new(new ChatMessage(ChatRole.Assistant, RefusalText))
    {
        FinishReason = ChatFinishReason.ContentFilter,
        AdditionalProperties = new() { ["chatbot.guard_reason"] = verdict.Reason },
    };

    private static string TenantOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(TenantIdProperty, out var value) == true && value is string tenant ? tenant : "";
}
