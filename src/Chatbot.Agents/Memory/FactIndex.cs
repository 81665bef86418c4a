using Chatbot.Knowledge.Embeddings;
using Chatbot.Memory;

namespace Chatbot.Agents.Memory;

/// <summary>
/// A user's facts with their hashing embeddings, searched by cosine similarity (exact: a user has at most tens of
/// thousands of facts). Vectors are recomputed on load, so only the texts need storing. Not thread-safe: owned by one
/// grain activation.
/// </summary>
public sealed class FactIndex(HashingEmbeddingGenerator embedder)
{
    private readonly List<(MemoryFact Fact, float[] Vector)> _entries = [];

    /// <summary>Facts held.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds <paramref name="fact"/>.</summary>
    public void Add(MemoryFact fact) => _entries.Add((fact, embedder.Embed(fact.Text)));

    /// <summary>Removes the fact with <paramref name="factId"/>; false when absent.</summary>
    public bool Remove(string factId) => _entries.RemoveAll(e => e.Fact.Id == factId) > 0;

    /// <summary>Removes every fact.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>True when a fact with the same text (case and spacing aside) is held.</summary>
    public bool Contains(string text)
    {
        var key = Normalize(text);
        return _entries.Any(e => Normalize(e.Fact.Text) == key);
    }

    /// <summary>The <paramref name="topK"/> facts closest to <paramref name="query"/> scoring at least <paramref name="minScore"/>, best first (newer first on ties).</summary>
    public IReadOnlyList<RecalledFact> Search(string query, int topK, double minScore)
    {
        if (topK <= 0 || _entries.Count == 0)
        {
            return [];
        }

        var q = embedder.Embed(query);
        return _entries
            .Select((e, order) => (e.Fact, Score: (double)Dot(q, e.Vector), order))
            .Where(s => s.Score >= minScore)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.order)
            .Take(topK)
            .Select(s => new RecalledFact(s.Fact, Math.Round(s.Score, 4)))
            .ToList();
    }

    /// <summary>The text two facts share when they are the same fact: lower case, single spaces, no final punctuation.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Trim().TrimEnd('.', '!', '。', '！').ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
