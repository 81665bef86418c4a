namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>Pieces shared by the graph's binary formats (<see cref="KnowledgeGraphShard"/>, <see cref="DocumentGraph"/>).</summary>
internal static class GraphBinary
{
    /// <summary>Reads a schema enum stored as a byte; an unknown value means the data is not of this schema.</summary>
    public static T ReadEnum<T>(BinaryReader reader, string format)
        where T : struct, Enum
    {
        var value = reader.ReadByte();
        return Enum.IsDefined(typeof(T), value)
            ? (T)Enum.ToObject(typeof(T), value)
            : throw new InvalidDataException($"Unknown {typeof(T).Name} {value} in a {format}.");
    }
}
