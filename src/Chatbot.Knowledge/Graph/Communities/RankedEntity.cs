namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>An entity of a community with its weighted degree inside it (sum of the confidences of its community edges).</summary>
public sealed record RankedEntity(string EntityId, string Name, EntityType Type, double Degree);
