using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// What a model is told about a tool and the limits the <see cref="ToolInvoker"/> enforces around every call.
/// Immutable and thread-safe.
/// </summary>
public sealed partial class ToolDefinition
{
    /// <summary>Creates a definition; throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    /// <param name="name">Name the model calls the tool by: 1–64 letters, digits, <c>_</c> or <c>-</c>.</param>
    /// <param name="description">What the tool does, for the model.</param>
    /// <param name="jsonSchema">JSON Schema of the arguments object (<c>"type": "object"</c>); see <see cref="ArgumentSchemaValidator"/> for the keywords enforced.</param>
    /// <param name="timeout">Longest a call may run before it is cancelled and reported as <see cref="ToolErrorCodes.Timeout"/>.</param>
    /// <param name="maxResultChars">Longest result text, in UTF-16 chars, handed back to the model; longer results are cut with a marker.</param>
    public ToolDefinition(string name, string description, JsonElement jsonSchema, TimeSpan timeout, int maxResultChars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Tool name '{name}' must be 1-64 letters, digits, '_' or '-'.", nameof(name));
        }

        if (jsonSchema.ValueKind != JsonValueKind.Object
            || !jsonSchema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            throw new ArgumentException($"The schema of tool '{name}' must be a JSON object schema with \"type\": \"object\".", nameof(jsonSchema));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResultChars, MinResultChars);
        Name = name;
        Description = description;
        JsonSchema = jsonSchema.Clone();
        Timeout = timeout;
        MaxResultChars = maxResultChars;
    }

    /// <summary>The smallest allowed <see cref="MaxResultChars"/>: room for the truncation marker and some content.</summary>
    public const int MinResultChars = 64;

    /// <summary>Name the model calls the tool by; unique within a <see cref="ToolRegistry"/>.</summary>
    public string Name { get; }

    /// <summary>What the tool does, for the model.</summary>
    public string Description { get; }

    /// <summary>JSON Schema of the arguments object.</summary>
    public JsonElement JsonSchema { get; }

    /// <summary>Longest a call may run.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Longest result text (UTF-16 chars) handed back to the model.</summary>
    public int MaxResultChars { get; }

    /// <summary>Parses a schema written as JSON text (the tools' own schemas are constants).</summary>
    public static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
