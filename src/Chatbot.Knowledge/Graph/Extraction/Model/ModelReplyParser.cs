using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>
/// Reads a model's graph JSON and holds it to the schema: code fences and chatter around the object are ignored;
/// missing <c>entities</c>/<c>relations</c> arrays or malformed JSON are errors (worth a retry); entities and
/// relations of unknown types are dropped (synonyms mapped first, <see cref="ModelSchemaSynonyms"/>); a relation's
/// endpoint the model forgot to list is added with the relation's argument type; confidences are clamped to 0–1
/// (0.5 when absent); evidence is located in the chunk text.
/// </summary>
internal static class ModelReplyParser
{
    private const double DefaultConfidence = 0.5;

    public static bool TryParse(string reply, string text, [NotNullWhen(true)] out GraphExtraction? extraction, out string error)
    {
        extraction = null;
        var (open, close) = (reply.IndexOf('{'), reply.LastIndexOf('}'));
        if (open < 0)
        {
            error = "the reply contains no JSON object";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply.AsMemory(open, (close > open ? close + 1 : reply.Length) - open));
        }
        catch (JsonException exception)
        {
            error = "invalid JSON: " + exception.Message;
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
            {
                error = "the object has no \"entities\" array";
                return false;
            }

            if (!root.TryGetProperty("relations", out var relations) || relations.ValueKind != JsonValueKind.Array)
            {
                error = "the object has no \"relations\" array";
                return false;
            }

            extraction = Read(entities, relations, text);
            error = "";
            return true;
        }
    }

    private static GraphExtraction Read(JsonElement entityArray, JsonElement relationArray, string text)
    {
        var entities = new Dictionary<string, ExtractedEntity>(StringComparer.OrdinalIgnoreCase);
        var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in entityArray.EnumerateArray())
        {
            if (String(item, "name") is not { } name)
            {
                continue;
            }

            if (!ModelSchemaSynonyms.TryEntity(String(item, "type"), out var type))
            {
                dropped.Add(name);
                continue;
            }

            var aliases = item.TryGetProperty("aliases", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!.Trim()).Where(a => a.Length > 0).ToArray()
                : [];
            entities.TryAdd(name, new ExtractedEntity(name, type, aliases));
        }

        var relations = new List<ExtractedRelation>();
        foreach (var item in relationArray.EnumerateArray())
        {
            var (source, target) = (String(item, "source"), String(item, "target"));
            if (source is null || target is null || dropped.Contains(source) || dropped.Contains(target)
                || !ModelSchemaSynonyms.TryRelation(String(item, "relation") ?? String(item, "type"), out var relation, out var reversed))
            {
                continue;
            }

            (source, target) = reversed ? (target, source) : (source, target);
            var info = GraphSchema.Relation(relation);
            source = entities.TryAdd(source, new ExtractedEntity(source, info.SourceTypes[0])) ? source : entities[source].Name;
            target = entities.TryAdd(target, new ExtractedEntity(target, info.TargetTypes[0])) ? target : entities[target].Name;
            var (start, end) = Evidence(text, String(item, "evidence"), source, target);
            relations.Add(new ExtractedRelation(source, relation, target, Confidence(item), start, end));
        }

        return new GraphExtraction(entities.Values.ToList(), relations);
    }

    private static string? String(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    private static double Confidence(JsonElement item)
    {
        if (!item.TryGetProperty("confidence", out var value))
        {
            return DefaultConfidence;
        }

        var confidence = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => DefaultConfidence,
        };
        return double.IsFinite(confidence) ? Math.Clamp(confidence, 0, 1) : DefaultConfidence;
    }

    /// <summary>The quoted evidence's span; else the span from the first to the last argument's mention; else the whole text.</summary>
    private static (int Start, int End) Evidence(string text, string? evidence, string source, string target)
    {
        var at = evidence is null ? -1 : text.IndexOf(evidence, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            return (at, at + evidence!.Length);
        }

        var (s, t) = (text.IndexOf(source, StringComparison.OrdinalIgnoreCase), text.IndexOf(target, StringComparison.OrdinalIgnoreCase));
        return s >= 0 && t >= 0 ? (Math.Min(s, t), Math.Max(s + source.Length, t + target.Length)) : (0, text.Length);
    }
}
