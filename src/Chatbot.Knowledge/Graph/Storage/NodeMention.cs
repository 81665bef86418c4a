namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>One chunk naming an entity.</summary>
/// <param name="EntityId">The resolved entity id.</param>
/// <param name="Name">The name as written (or an alias the text gave).</param>
/// <param name="Type">The type the extractor gave it here.</param>
/// <param name="ChunkId">The chunk.</param>
public sealed record NodeMention(string EntityId, string Name, EntityType Type, string ChunkId);
