namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>An entity as the graph holds it, merged over every chunk that mentions it.</summary>
/// <param name="Id">Canonical id (<see cref="Resolution.EntityKeys.IdOf"/>).</param>
/// <param name="Name">Display name: the canonical form if written, else the form written most often (ties: the longer, then ordinal order).</param>
/// <param name="Type">The type most mentions gave it (ties: schema order).</param>
/// <param name="Names">Every surface form and alias seen, display name first.</param>
/// <param name="Chunks">The chunks that mention it.</param>
public sealed record GraphNode(string Id, string Name, EntityType Type, IReadOnlyList<string> Names, IReadOnlyList<ChunkRef> Chunks);
