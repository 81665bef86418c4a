using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// Checks tool arguments against the subset of JSON Schema the tools use: <c>type</c> (one name or a list),
/// <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>, <c>enum</c>, <c>minimum</c>,
/// <c>maximum</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>.
/// Other keywords are ignored. Stateless and thread-safe.
/// </summary>
public static class ArgumentSchemaValidator
{
    private const int MaxDepth = 32;
    private static readonly TimeSpan s_patternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Every violation, each naming the JSON path (<c>$.field</c>); empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", 0, errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, int depth, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            errors.Add($"{path}: nested deeper than {MaxDepth} levels.");
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{path}: expected {Describe(type)}, got {Name(value)}.");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: must be one of {allowed.GetRawText()}.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, depth, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, depth, errors);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number when value.TryGetDouble(out var number):
                CheckNumber(schema, number, path, errors);
                break;
            case JsonValueKind.Number:
                errors.Add($"{path}: {value.GetRawText()} is out of range.");
                break;
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, int depth, List<string> errors)
    {
        schema.TryGetProperty("properties", out var properties);
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null && !AllowsNull(properties, name))
                {
                    errors.Add($"{path}.{name}: is required.");
                }
            }
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{path}.{property.Name}", depth + 1, errors);
            }
            else if (closed)
            {
                errors.Add($"{path}.{property.Name}: is not a known argument.");
            }
        }
    }

    private static void CheckArray(JsonElement schema, JsonElement value, string path, int depth, List<string> errors)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
        {
            errors.Add($"{path}: needs at least {min.GetInt32()} items, got {count}.");
        }

        if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
        {
            errors.Add($"{path}: allows at most {max.GetInt32()} items, got {count}.");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", depth + 1, errors);
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            errors.Add($"{path}: needs at least {min.GetInt32()} characters.");
        }

        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            errors.Add($"{path}: allows at most {max.GetInt32()} characters, got {text.Length}.");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } regex
            && !Regex.IsMatch(text, regex, RegexOptions.CultureInvariant, s_patternTimeout))
        {
            errors.Add($"{path}: does not match the pattern {regex}.");
        }
    }

    private static void CheckNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
        {
            errors.Add($"{path}: must be at least {min.GetRawText()}, got {number.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
        {
            errors.Add($"{path}: must be at most {max.GetRawText()}, got {number.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => MatchesType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value)),
        _ => true,
    };

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsInteger(number),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static bool AllowsNull(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty(name, out var schema)
        && schema.ValueKind == JsonValueKind.Object
        && schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == "null"
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "null"));

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString() ?? "?";

    private static string Name(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsInteger(number) ? "integer" : "number",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
