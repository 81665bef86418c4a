using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// The fake server's <c>POST /v1/embeddings</c>: deterministic vectors computed from each input's text
/// (<see cref="VectorOf"/>), returned as floats or base64 as the request's <c>encoding_format</c> asks, as OpenAI does.
/// </summary>
public sealed class FakeEmbeddings
{
    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 8;

    /// <summary>Every request body received.</summary>
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>The vector the fake returns for <paramref name="text"/>: character-class counts, so tests can predict it.</summary>
    public static float[] VectorOf(string text)
    {
        var v = new float[Dimensions];
        v[0] = text.Length;
        v[1] = text.Count(char.IsLetter);
        v[2] = text.Count(char.IsDigit);
        v[3] = text.Count(char.IsWhiteSpace);
        v[4] = text.Count(c => "aeiou".Contains(char.ToLowerInvariant(c)));
        v[5] = text.Count(char.IsUpper);
        v[6] = text.Count(char.IsPunctuation);
        v[7] = 1;
        return v;
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue(body.Clone());
        var input = body.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [input.GetString() ?? ""];
        var base64 = body.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = texts.Select((text, i) => new Dictionary<string, object>
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(VectorOf(text).AsSpan())) : VectorOf(text),
        });
        var tokens = texts.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body.GetProperty("model").GetString() ?? "",
            ["usage"] = new Dictionary<string, int> { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }, context.RequestAborted);
    }
}
