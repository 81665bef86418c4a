namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Stable 64-bit string hash (FNV-1a over UTF-16 code units, then the MurmurHash3 finaliser for avalanche). Unlike
/// <see cref="string.GetHashCode()"/> it is identical in every process, which persisted vectors depend on. Stateless.
/// </summary>
internal static class FeatureHasher
{
    public static ulong Hash(char kind, ReadOnlySpan<char> feature)
    {
        var hash = 14695981039346656037UL;
        hash = (hash ^ kind) * 1099511628211UL;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>
    /// Adds <paramref name="weight"/> split over two buckets (weight/√2 each, hash-derived signs). Two probes keep the
    /// feature's norm but halve the damage of any single collision, which matters for short texts at 384 dimensions.
    /// </summary>
    public static void Accumulate(Span<float> vector, char kind, ReadOnlySpan<char> feature, float weight)
    {
        var hash = Hash(kind, feature);
        var half = weight * 0.70710677f;
        var length = (uint)vector.Length;
        var low = (uint)hash;
        var high = (uint)(hash >> 32);
        var first = (int)((low >> 1) % length);
        var second = (int)((high >> 1) % length);
        vector[first] += (low & 1) == 0 ? half : -half;
        vector[second] += (high & 1) == 0 ? half : -half;
    }
}
