using System.Net.Http.Headers;
using System.Text.Json;
using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Asr.OpenAI;

/// <summary>Buffers one utterance (up to the session's limit) and transcribes it in one request when it completes.</summary>
internal sealed class OpenAITranscriptionStream(HttpClient http, OpenAITranscriptionRequest request, TimeSpan maxUtterance) : IRecognitionStream
{
    private readonly List<short> _samples = [];
    private bool _completed;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Count / AudioFormat.InternalSampleRate);

    public ValueTask<RecognitionResult?> WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        if (Duration + TimeSpan.FromSeconds((double)samples.Length / AudioFormat.InternalSampleRate) > maxUtterance)
        {
            throw new InvalidOperationException(
                $"The utterance exceeds {maxUtterance.TotalSeconds} s (Chatbot:Voice:MaxSessionBufferSeconds); complete it sooner.");
        }

        _samples.AddRange(samples.Span);
        return ValueTask.FromResult<RecognitionResult?>(null);
    }

    public async ValueTask<RecognitionResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        _completed = true;

        // 1. multipart/form-data: the utterance as a WAV file, the model, and the optional hints.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(WavFile.Write(_samples.ToArray(), AudioFormat.InternalSampleRate));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "utterance.wav");
        form.Add(new StringContent(request.Model), "model");
        form.Add(new StringContent("json"), "response_format");
        if (request.Language is { } language)
        {
            form.Add(new StringContent(language), "language");
        }

        if (request.Prompt is { } prompt)
        {
            form.Add(new StringContent(prompt), "prompt");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, request.Endpoint) { Content = form };
        if (!string.IsNullOrEmpty(request.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.ApiKey);
        }

        // 2. {"text": "..."}; an error status carries the endpoint's own message.
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Transcription endpoint {request.Endpoint} returned {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? new RecognitionResult(text.GetString()!.Trim(), IsFinal: true)
            : throw new InvalidDataException($"Transcription endpoint {request.Endpoint} answered without a text field: {Truncate(body)}");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The utterance was already completed.");
        }
    }

    private static string Truncate(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
