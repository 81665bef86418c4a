namespace Chatbot.Testing.FakeOpenAI;

/// <summary>A <c>POST /v1/audio/transcriptions</c> request as <see cref="FakeAudio"/> received it (multipart form fields).</summary>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="Model">The <c>model</c> field.</param>
/// <param name="Language">The <c>language</c> field, if sent.</param>
/// <param name="Prompt">The <c>prompt</c> field, if sent.</param>
/// <param name="ResponseFormat">The <c>response_format</c> field, if sent.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="FileContentType">The uploaded file's content type.</param>
/// <param name="File">The uploaded file's bytes.</param>
public sealed record FakeTranscriptionRequest(
    string? Authorization, string? Model, string? Language, string? Prompt, string? ResponseFormat, string FileName, string? FileContentType, byte[] File);
