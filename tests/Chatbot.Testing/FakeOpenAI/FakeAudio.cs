using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// The fake server's audio endpoints. <c>POST /v1/audio/transcriptions</c> records the multipart request and answers
/// <c>{"text": <see cref="TranscriptionText"/>}</c>; <c>POST /v1/audio/speech</c> records the JSON request and streams
/// <see cref="SpeechSamples"/> as raw PCM16 (<c>response_format</c> <c>pcm</c>) or WAV, in several flushed pieces.
/// Either answers <see cref="StatusCode"/> with an OpenAI error body instead when it is set. Thread-safe.
/// </summary>
public sealed class FakeAudio
{
    /// <summary>The sample rate of the speech audio, as OpenAI's <c>pcm</c> format: 24 kHz.</summary>
    public const int SpeechSampleRate = 24_000;

    /// <summary>Transcription requests received, in order.</summary>
    public ConcurrentQueue<FakeTranscriptionRequest> Transcriptions { get; } = new();

    /// <summary>Speech request bodies received, in order.</summary>
    public ConcurrentQueue<JsonElement> SpeechRequests { get; } = new();

    /// <summary>The transcript every transcription request gets.</summary>
    public string TranscriptionText { get; set; } = "hello from the fake transcriber";

    /// <summary>The audio every speech request gets, at <see cref="SpeechSampleRate"/>: by default half a second of 440 Hz.</summary>
    public IReadOnlyList<short> SpeechSamples { get; set; } =
        [.. Enumerable.Range(0, SpeechSampleRate / 2).Select(i => (short)(8_000 * Math.Sin(2 * Math.PI * 440 * i / SpeechSampleRate)))];

    /// <summary>When set, both endpoints answer this HTTP status with an error body.</summary>
    public int? StatusCode { get; set; }

    internal async Task HandleTranscriptionAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files["file"];
        using var bytes = new MemoryStream();
        if (file is not null)
        {
            await file.CopyToAsync(bytes, context.RequestAborted);
        }

        Transcriptions.Enqueue(new FakeTranscriptionRequest(
            context.Request.Headers.Authorization, form["model"], NullIfEmpty(form["language"]), NullIfEmpty(form["prompt"]),
            NullIfEmpty(form["response_format"]), file?.FileName ?? "", file?.ContentType, bytes.ToArray()));
        if (await WroteErrorAsync(context))
        {
            return;
        }

        await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["text"] = TranscriptionText }, context.RequestAborted);
    }

    internal async Task HandleSpeechAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        SpeechRequests.Enqueue(body.Clone());
        if (await WroteErrorAsync(context))
        {
            return;
        }

        var wav = body.TryGetProperty("response_format", out var format) && format.GetString() == "wav";
        var pcm = new byte[SpeechSamples.Count * 2];
        for (var i = 0; i < SpeechSamples.Count; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), SpeechSamples[i]);
        }

        context.Response.ContentType = wav ? "audio/wav" : "audio/pcm";
        var audio = wav ? [.. StreamingWavHeader(), .. pcm] : pcm;
        const int Pieces = 5; // odd-sized pieces, so a client must join samples split across reads
        var size = (audio.Length / Pieces) | 1;
        for (var offset = 0; offset < audio.Length; offset += size)
        {
            await context.Response.Body.WriteAsync(audio.AsMemory(offset, Math.Min(size, audio.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    // As streaming servers send it: sizes unknown, written as 0xFFFFFFFF.
    private static byte[] StreamingWavHeader()
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), uint.MaxValue);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SpeechSampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SpeechSampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), uint.MaxValue);
        return header;
    }

    private async Task<bool> WroteErrorAsync(HttpContext context)
    {
        if (StatusCode is not { } status)
        {
            return false;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(FakeOpenAIWire.Error(status), context.RequestAborted);
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
