using System.Runtime.CompilerServices;
using Chatbot.Conversations;
using Chatbot.Voice;
using Chatbot.Voice.Sessions;

namespace Chatbot.Grains.Voice;

/// <summary>
/// A voice session's questions asked of its conversation: each is an ordinary turn (the question is the transcript,
/// the turn id its request id), so voice and text share the history. Runs on the session grain's scheduler.
/// </summary>
internal sealed class ConversationAnswerer(IConversationGrain conversation, IReadOnlyList<string>? datasetIds) : IVoiceAnswerer
{
    public async IAsyncEnumerable<string> AnswerAsync(string turnId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = await conversation.StartTurnAsync(
            new TurnRequest { RequestId = turnId, Content = question, DatasetIds = datasetIds }, cancellationToken);
        if (start.Outcome == TurnStartOutcome.Busy)
        {
            throw new VoiceAnswerException(VoiceErrorCodes.ConversationBusy, "The conversation is answering another turn; ask again when it is done.");
        }

        await foreach (var e in conversation.StreamTurnAsync(turnId, 0, cancellationToken))
        {
            switch (e.Type)
            {
                case ChatEventTypes.Delta when !string.IsNullOrEmpty(e.Content):
                    yield return e.Content;
                    break;
                case ChatEventTypes.Error:
                    throw new VoiceAnswerException(e.Code ?? "model_error", e.Message ?? "The answer failed.");
                case ChatEventTypes.Done:
                    yield break;
            }
        }
    }

    public async Task StopAsync(string turnId, CancellationToken cancellationToken)
    {
        if (!await conversation.StopTurnAsync(turnId))
        {
            return;
        }

        // The stopped turn stores what was written; wait for that, so the next question is not refused as busy.
        await foreach (var _ in conversation.StreamTurnAsync(turnId, int.MaxValue, cancellationToken))
        {
        }
    }
}
