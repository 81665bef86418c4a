namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>Chooses non-overlapping mentions among candidates: the stronger source wins, then the longer span.</summary>
internal static class MentionSet
{
    public static List<Mention> Select(IEnumerable<Mention> candidates)
    {
        var chosen = new List<Mention>();
        foreach (var candidate in candidates
            .Where(c => c.Length > 0 && !string.IsNullOrWhiteSpace(c.Name))
            .OrderByDescending(c => c.Source).ThenByDescending(c => c.Length).ThenBy(c => c.Start))
        {
            if (!chosen.Any(c => c.Overlaps(candidate)))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }
}
