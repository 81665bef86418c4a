using Chatbot.Knowledge.Indexing;

namespace Chatbot.Knowledge.Tests.Indexing;

/// <summary>Seeded random corpora and vectors for property-style tests.</summary>
internal static class RandomCorpus
{
    /// <summary>Chunks <c>c0..</c> spread over 20 documents, with Zipf-like term draws from <c>t0..</c>.</summary>
    public static List<(IndexedChunk Chunk, string[] Terms)> Create(Random rng, int chunks, int vocabulary)
    {
        var corpus = new List<(IndexedChunk, string[])>(chunks);
        for (var i = 0; i < chunks; i++)
        {
            var terms = new string[rng.Next(1, 40)];
            for (var t = 0; t < terms.Length; t++)
            {
                // Squaring skews draws toward low ids, so frequencies vary the way real text does.
                var u = rng.NextDouble();
                terms[t] = $"t{(int)(u * u * vocabulary)}";
            }

            var date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(rng.Next(365));
            corpus.Add((new IndexedChunk($"c{i}", $"doc-{i % 20}", date), terms));
        }

        return corpus;
    }

    /// <summary>A unit vector uniformly distributed on the sphere (normalised Gaussian).</summary>
    public static float[] UnitVector(Random rng, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller.
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        Chatbot.Knowledge.Indexing.Vectors.VectorMath.Normalize(v);
        return v;
    }
}
