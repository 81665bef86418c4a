using Chatbot.Voice.Asr;

namespace Chatbot.Voice.Tests.Support;

/// <summary>A small customer-support knowledge base and questions about it, as a tenant's domain.</summary>
public static class SupportCorpus
{
    public static IReadOnlyList<string> Documents { get; } =
    [
        "Our refund policy covers damaged goods for thirty days after delivery. To request a refund, contact customer service with your order number.",
        "Shipping is free for orders over fifty dollars. You can track your package on the orders page of your account.",
        "We accept returns of unopened items. Damaged goods are replaced at no cost.",
        "To reset your password, open the account page and choose forgot password. A reset link is sent to your email address.",
        "Customer service is open from nine to five on weekdays. You can cancel an order before it ships.",
    ];

    public static IReadOnlyList<string> PastQuestions { get; } =
    [
        "Where is my order?", "How do I reset my password?", "Can I cancel my order?", "What are your opening hours?",
    ];

    /// <summary>Questions whose every word is in the domain.</summary>
    public static IReadOnlyList<string> Questions { get; } =
    [
        "what is the refund policy for damaged goods",
        "how do i reset my password",
        "where is my order",
        "how can i track my package",
        "can i cancel my order before it ships",
    ];

    public static SpeechDomain Domain { get; } = SpeechDomain.FromTexts([.. Documents, .. PastQuestions]);
}
