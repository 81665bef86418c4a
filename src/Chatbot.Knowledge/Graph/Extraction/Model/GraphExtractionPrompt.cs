using System.Text;
using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>
/// The extraction prompt: a system message giving the JSON shape and the schema (every type with its description),
/// then the chunk as the user message. Shared by <see cref="ModelGraphExtractor"/> and
/// <see cref="GraphBuildCostEstimator"/> so estimates count the prompt actually sent.
/// </summary>
internal static class GraphExtractionPrompt
{
    public static string System { get; } = BuildSystem();

    public static List<ChatMessage> Messages(string text) =>
        [new(ChatRole.System, System), new(ChatRole.User, User(text))];

    public static string User(string text) => "Text:\n" + text;

    public static string Correction(string error) =>
        $"That reply was not usable: {error}. Reply again with only the JSON object described in the instructions.";

    private static string BuildSystem()
    {
        var prompt = new StringBuilder();
        prompt.AppendLine("You extract a knowledge graph from the user's text. Reply with one JSON object and nothing else:");
        prompt.AppendLine("""{"entities":[{"name":"...","type":"...","aliases":["..."]}],"relations":[{"source":"...","relation":"...","target":"...","confidence":0.9,"evidence":"..."}]}""");
        prompt.AppendLine("Rules:");
        prompt.AppendLine("- \"type\" is one of the entity types below; \"relation\" is one of the relation types below, read as: source relation target.");
        prompt.AppendLine("- \"source\" and \"target\" are names exactly as they appear in \"entities\".");
        prompt.AppendLine("- Name entities as the text writes them, in its language; other names it gives the same entity (acronyms, translations) go in \"aliases\".");
        prompt.AppendLine("- \"confidence\" is between 0 and 1: about 0.9 when the text states the relation outright, 0.5 when it only implies it.");
        prompt.AppendLine("- \"evidence\" quotes, verbatim, the shortest part of the text that states the relation.");
        prompt.AppendLine("- When the text names nothing, reply {\"entities\":[],\"relations\":[]}.");
        prompt.AppendLine("Entity types:");
        foreach (var entity in GraphSchema.EntityTypes)
        {
            prompt.Append("- ").Append(entity.Name).Append(": ").AppendLine(entity.Description);
        }

        prompt.AppendLine("Relation types:");
        foreach (var relation in GraphSchema.RelationTypes)
        {
            prompt.Append("- ").Append(relation.Name).Append(": ").AppendLine(relation.Description);
        }

        return prompt.ToString();
    }
}
