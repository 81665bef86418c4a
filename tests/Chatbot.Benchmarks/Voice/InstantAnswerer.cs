using System.Runtime.CompilerServices;
using Chatbot.Voice.Sessions;

namespace Chatbot.Benchmarks.Voice;

/// <summary>
/// A model that takes no time: the same three-sentence answer, word by word, at once. With it, the time from the end of
/// speech to the first audio is the platform's and the engines' alone. Stateless, so one serves every session.
/// </summary>
internal sealed class InstantAnswerer : IVoiceAnswerer
{
    public const string Answer =
        "Our refund policy covers damaged goods for thirty days after delivery. To request a refund, contact customer " +
        "service with your order number. Shipping is free for orders over fifty dollars.";

    /// <summary>The knowledge base the answers come from: the sessions' recognition domain.</summary>
    public static readonly string[] Documents =
    [
        "Our refund policy covers damaged goods for thirty days after delivery. To request a refund, contact customer service with your order number.",
        "Shipping is free for orders over fifty dollars. You can track your package on the orders page of your account.",
        "We accept returns of unopened items. Damaged goods are replaced at no cost.",
        "To reset your password, open the account page and choose forgot password. A reset link is sent to your email address.",
        "what is the refund policy for damaged goods", "how do i reset my password", "is shipping free",
    ];

    private static readonly string[] Words = Answer.Split(' ');

    public async IAsyncEnumerable<string> AnswerAsync(string turnId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var word in Words)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return word + " ";
        }
    }

    public Task StopAsync(string turnId, CancellationToken cancellationToken) => Task.CompletedTask;
}
