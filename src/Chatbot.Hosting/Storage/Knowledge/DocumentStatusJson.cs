using System.Text.Json;
using System.Text.Json.Serialization;
using Chatbot.Knowledge;

namespace Chatbot.Hosting.Storage.Knowledge;

/// <summary>The stored form of a registry entry: JSON with the state as its name, so rows stay readable in a SQL shell
/// and survive a reordering of <see cref="DocumentState"/>.</summary>
internal static class DocumentStatusJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(DocumentStatus status) => JsonSerializer.Serialize(status, s_options);

    public static DocumentStatus Deserialize(string json) =>
        JsonSerializer.Deserialize<DocumentStatus>(json, s_options)
        ?? throw new InvalidDataException("A knowledge-base registry row holds no document status.");
}
