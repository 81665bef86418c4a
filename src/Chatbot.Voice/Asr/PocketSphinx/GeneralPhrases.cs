namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// How people ask, whatever the domain: added to every domain's sentences so a question's frame ("how do I", "can you
/// tell me") is in the model even when the tenant's documents never phrase things that way.
/// </summary>
internal static class GeneralPhrases
{
    public static IReadOnlyList<string> All { get; } =
    [
        "what is the", "what are the", "what is your", "what does it cost", "how do i", "how can i", "how much is the",
        "how long does it take", "can you tell me about the", "can i", "could you help me", "i want to", "i would like to",
        "i need help with my", "tell me about the", "where is my", "when will my", "why was my", "is there a", "do you have",
        "please", "thank you", "yes", "no", "hello", "goodbye", "okay", "that is all", "my name is", "i have a question",
    ];
}
