namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>An extractive summary of a community: its central entities and the sentences that tie them together.</summary>
/// <param name="Level">The community's level.</param>
/// <param name="CommunityId">The community's id within the level.</param>
/// <param name="TopEntities">The most connected entities, most connected first.</param>
/// <param name="Sentences">The most central supporting sentences, best first.</param>
public sealed record CommunitySummary(int Level, int CommunityId, IReadOnlyList<RankedEntity> TopEntities, IReadOnlyList<SupportingSentence> Sentences)
{
    /// <summary>A title: the three most connected entities.</summary>
    public string Title => string.Join(", ", TopEntities.Take(3).Select(e => e.Name));

    /// <summary>The title, then the sentences.</summary>
    public string Text => Sentences.Count == 0 ? Title : $"{Title}: {string.Join(" ", Sentences.Select(s => s.Text))}";
}
