using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// The JSON the OpenAI chat-completions API sends, property for property in the order of recorded OpenAI streams:
/// a role chunk, one chunk per content piece, a finish chunk, a usage chunk with empty <c>choices</c>, then <c>[DONE]</c>.
/// </summary>
internal sealed class FakeOpenAIWire(string id, long created, string model)
{
    private const string Fingerprint = "fp_fake0001";

    // Like OpenAI: non-ASCII text (Chinese answers) is sent as UTF-8, not as \u escapes.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string RoleChunk() => Chunk(w =>
    {
        w.WriteStartObject("delta");
        w.WriteString("role", "assistant");
        w.WriteString("content", "");
        w.WriteNull("refusal");
        w.WriteEndObject();
    }, finishReason: null);

    public string ContentChunk(string piece) => Chunk(w =>
    {
        w.WriteStartObject("delta");
        w.WriteString("content", piece);
        w.WriteEndObject();
    }, finishReason: null);

    public string ToolCallChunk(int index, FakeToolCall call) => Chunk(w =>
    {
        w.WriteStartObject("delta");
        w.WriteStartArray("tool_calls");
        w.WriteStartObject();
        w.WriteNumber("index", index);
        w.WriteString("id", call.Id);
        w.WriteString("type", "function");
        w.WriteStartObject("function");
        w.WriteString("name", call.Name);
        w.WriteString("arguments", call.ArgumentsJson);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }, finishReason: null);

    public string FinishChunk(string finishReason = "stop") => Chunk(w =>
    {
        w.WriteStartObject("delta");
        w.WriteEndObject();
    }, finishReason);

    public string UsageChunk(int promptTokens, int completionTokens) => Write(w =>
    {
        Header(w, "chat.completion.chunk");
        w.WriteStartArray("choices");
        w.WriteEndArray();
        Usage(w, promptTokens, completionTokens);
    });

    public string Completion(string content, int promptTokens, int completionTokens, IReadOnlyList<FakeToolCall>? toolCalls = null) => Write(w =>
    {
        Header(w, "chat.completion");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        if (content.Length == 0 && toolCalls is { Count: > 0 })
        {
            w.WriteNull("content");
        }
        else
        {
            w.WriteString("content", content);
        }

        w.WriteNull("refusal");
        if (toolCalls is { Count: > 0 })
        {
            w.WriteStartArray("tool_calls");
            foreach (var call in toolCalls)
            {
                w.WriteStartObject();
                w.WriteString("id", call.Id);
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", call.Name);
                w.WriteString("arguments", call.ArgumentsJson);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", toolCalls is { Count: > 0 } ? "tool_calls" : "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        Usage(w, promptTokens, completionTokens);
    });

    public static string Error(int status) => Write(w =>
    {
        w.WriteStartObject("error");
        w.WriteString("message", $"Fake upstream error {status}.");
        w.WriteString("type", status == 429 ? "rate_limit_exceeded" : "server_error");
        w.WriteNull("param");
        w.WriteNull("code");
        w.WriteEndObject();
    });

    private string Chunk(Action<Utf8JsonWriter> delta, string? finishReason) => Write(w =>
    {
        Header(w, "chat.completion.chunk");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        delta(w);
        w.WriteNull("logprobs");
        if (finishReason is null)
        {
            w.WriteNull("finish_reason");
        }
        else
        {
            w.WriteString("finish_reason", finishReason);
        }

        w.WriteEndObject();
        w.WriteEndArray();
    });

    private void Header(Utf8JsonWriter w, string objectType)
    {
        w.WriteString("id", id);
        w.WriteString("object", objectType);
        w.WriteNumber("created", created);
        w.WriteString("model", model);
        w.WriteString("system_fingerprint", Fingerprint);
    }

    private static void Usage(Utf8JsonWriter w, int promptTokens, int completionTokens)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", promptTokens);
        w.WriteNumber("completion_tokens", completionTokens);
        w.WriteNumber("total_tokens", promptTokens + completionTokens);
        w.WriteStartObject("completion_tokens_details");
        w.WriteNumber("reasoning_tokens", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, s_options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
