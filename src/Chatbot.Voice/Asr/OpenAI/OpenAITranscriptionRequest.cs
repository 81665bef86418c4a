namespace Chatbot.Voice.Asr.OpenAI;

/// <summary>The fields of one transcription request, fixed when its utterance starts.</summary>
internal sealed record OpenAITranscriptionRequest(Uri Endpoint, string? ApiKey, string Model, string? Language, string? Prompt);
