using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Tts.OpenAI;

/// <summary>
/// <see cref="ISpeechSynthesizer"/> for an OpenAI-compatible <c>POST {BaseUrl}/audio/speech</c> endpoint. Asks for
/// <c>pcm</c> (raw 16-bit mono at <see cref="OpenAISpeechOptions.PcmSampleRate"/>) or <c>wav</c>, reads the body as it
/// streams in and hands out each chunk resampled to the requested rate. Thread-safe.
/// </summary>
public sealed class OpenAISpeechSynthesizer(HttpClient http, OpenAISpeechOptions settings, string? voice) : ISpeechSynthesizer
{
    /// <summary>The voice used when none is configured.</summary>
    public const string DefaultVoice = "alloy";

    /// <inheritdoc />
    public async IAsyncEnumerable<short[]> SynthesizeAsync(
        string text, SpeechSynthesisOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        // 1. The request; the response is read from its headers on, so audio flows while the endpoint still speaks.
        var baseUrl = settings.BaseUrl ?? throw new InvalidOperationException(
            "Chatbot:Voice:Tts:OpenAI:BaseUrl is required when Chatbot:Voice:Tts:Provider is 'openai'.");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl.TrimEnd('/')}/audio/speech")
        {
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["model"] = settings.Model,
                ["input"] = text,
                ["voice"] = options.Voice ?? voice ?? DefaultVoice,
                ["response_format"] = settings.ResponseFormat,
            }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"Speech endpoint {request.RequestUri} returned {(int)response.StatusCode}: {(error.Length <= 500 ? error : error[..500])}",
                null, response.StatusCode);
        }

        // 2. The body: raw PCM at the configured rate, or WAV with its own header.
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            int? rawRate = settings.ResponseFormat == "wav" ? null : settings.PcmSampleRate;
            await foreach (var chunk in AudioStreamReader.ReadAsync(body, rawRate, options.SampleRate, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
    }
}
