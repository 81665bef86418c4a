using System.Runtime.CompilerServices;
using Chatbot.AI.Chat;
using Chatbot.AI.Grounding;
using Chatbot.Safety.Guards;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Safety;

/// <summary>
/// Inspects the retrieved passages of a grounded prompt (<see cref="GroundingContext"/>) with the
/// <see cref="ContentGuard"/> as <see cref="GuardDirection.Retrieved"/> content under the turn's tenant policy: a passage
/// the policy blocks is left out, a sanitised one is replaced by its sanitised text, a flagged one is counted and kept
/// (it is wrapped as data anyway). Passages keep their citation numbers. Thread-safe.
/// </summary>
public sealed class RetrievedContentGuardChatClient(IChatClient innerClient, ContentGuard guard) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (prompt, guarded) = Guard(messages, options);
        return base.GetResponseAsync(prompt, guarded, cancellationToken);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (prompt, guarded) = Guard(messages, options);
        await foreach (var update in base.GetStreamingResponseAsync(prompt, guarded, cancellationToken))
        {
            yield return update;
        }
    }

    private (IEnumerable<ChatMessage> Prompt, ChatOptions? Options) Guard(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var sources = GroundingContext.SourcesOf(options);
        if (sources.Count == 0)
        {
            return (messages, options);
        }

        var tenant = TurnContext.TenantOf(options) ?? "";
        var kept = new List<GroundingSource>(sources.Count);
        var changed = false;
        foreach (var source in sources)
        {
            var verdict = guard.Inspect(tenant, source.Text, GuardDirection.Retrieved);
            switch (verdict.Action)
            {
                case GuardAction.Block:
                    changed = true;
                    break;
                case GuardAction.Sanitize:
                    changed = true;
                    kept.Add(source with { Text = verdict.Text });
                    break;
                default:
                    kept.Add(source);
                    break;
            }
        }

        if (!changed)
        {
            return (messages, options);
        }

        var prompt = messages.ToList();
        var guarded = options!.Clone();
        GroundingContext.Replace(prompt, guarded, kept);
        return (prompt, guarded);
    }
}
