using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Chatbot.AI.Chat;
using Chatbot.Safety.Guards;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Safety;

/// <summary>
/// Applies the tenant's output policy (<see cref="GuardPolicy.OutputPii"/>, <see cref="GuardPolicy.Toxicity"/>) to
/// streamed answers, which the safety library's guarded client passes through uninspected. Text is released in segments
/// of complete words, holding back a trailing word and a trailing run of number groups (a phone or card number may
/// continue), so personal data that arrives split over several updates is whole inside one segment before it is
/// inspected: a sanitised segment goes out redacted, a blocked one is replaced by <see cref="WithheldText"/> and the rest
/// of the answer text is dropped. If the model fails mid-answer, the text held back is inspected and released before
/// the failure is passed on. A tenant whose output policy allows
/// everything streams untouched. Non-streamed answers are the guarded client's business. Thread-safe.
/// </summary>
public sealed class StreamingAnswerGuardChatClient(
    IChatClient innerClient, ContentGuard guard, PiiDetector detector, IOptionsMonitor<GuardOptions> guardOptions) : DelegatingChatClient(innerClient)
{
    /// <summary>The text that replaces answer text the tenant's policy blocks.</summary>
    public const string WithheldText = " [the rest of this answer was withheld by the content policy]";

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenant = TurnContext.TenantOf(options) ?? "";
        var policy = guardOptions.CurrentValue.For(tenant);
        if (policy.OutputPii == GuardAction.Allow && policy.Toxicity == GuardAction.Allow)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var pending = new StringBuilder();
        var blocked = false;
        ChatResponseUpdate? last = null;
        ExceptionDispatchInfo? failure = null;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
                break;
            }

            var update = updates.Current;
            last = update;
            var others = update.Contents.Where(c => c is not TextContent).ToList();
            if (!blocked)
            {
                pending.Append(update.Text);
            }

            // Release what can no longer be part of an entity still arriving; everything once the answer's text is over.
            var cut = others.Count > 0 ? pending.Length : SafeCut(pending.ToString());
            if (cut > 0 && !blocked)
            {
                var (segment, stop) = Inspect(tenant, pending.ToString(0, cut));
                pending.Remove(0, cut);
                blocked = stop;
                if (segment.Length > 0)
                {
                    yield return Text(update, segment);
                }
            }

            if (others.Count > 0)
            {
                yield return new ChatResponseUpdate(update.Role, others)
                {
                    ResponseId = update.ResponseId,
                    MessageId = update.MessageId,
                    ModelId = update.ModelId,
                    FinishReason = update.FinishReason,
                    AdditionalProperties = update.AdditionalProperties,
                    CreatedAt = update.CreatedAt,
                };
            }
        }

        if (pending.Length > 0 && !blocked && last is not null)
        {
            var (segment, _) = Inspect(tenant, pending.ToString());
            yield return Text(last, segment);
        }

        failure?.Throw();
    }

    // Complete words only (personal data never contains a boundary, except spaces between the groups of a number),
    // never a trailing run of number groups that may continue, never inside an entity the detector already sees.
    private int SafeCut(string text)
    {
        var cut = text.Length;
        while (cut > 0 && !IsBoundary(text[cut - 1]))
        {
            cut--;
        }

        while (cut > 0)
        {
            var end = cut;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && IsNumberChar(text[start - 1]))
            {
                start--;
            }

            if (start == end || !text.AsSpan(start, end - start).ContainsAnyInRange('0', '9'))
            {
                break;
            }

            cut = start;
        }

        foreach (var finding in detector.Detect(text))
        {
            if (finding.Span.Start < cut && finding.Span.End > cut)
            {
                cut = finding.Span.Start;
            }
        }

        return cut;
    }

    // Whitespace, or a CJK character or punctuation (Chinese has no spaces); never inside a surrogate pair.
    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF';

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '.' or ':';

    private (string Text, bool Blocked) Inspect(string tenant, string segment)
    {
        var verdict = guard.Inspect(tenant, segment, GuardDirection.Output);
        return verdict.Action switch
        {
            GuardAction.Block => (WithheldText, true),
            GuardAction.Sanitize => (verdict.Text, false),
            _ => (segment, false),
        };
    }

    private static ChatResponseUpdate Text(ChatResponseUpdate template, string text) => new(template.Role ?? ChatRole.Assistant, text)
    {
        ResponseId = template.ResponseId,
        MessageId = template.MessageId,
        ModelId = template.ModelId,
        CreatedAt = template.CreatedAt,
    };
}
