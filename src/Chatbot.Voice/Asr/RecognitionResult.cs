namespace Chatbot.Voice.Asr;

/// <summary>A recognizer's transcript of the current utterance.</summary>
/// <param name="Text">The words recognized, lower case for pocketsphinx; may be empty.</param>
/// <param name="IsFinal">False for a partial hypothesis (it may still change), true for the utterance's final transcript.</param>
public sealed record RecognitionResult(string Text, bool IsFinal);
