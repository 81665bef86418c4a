using System.Numerics.Tensors;
using Chatbot.Knowledge.Indexing.Vectors;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>Reduces a model output to one vector per text. Stateless.</summary>
internal static class TokenPooling
{
    /// <summary>
    /// One vector per row of <paramref name="output"/>, shaped <c>[batch, sequence, hidden]</c> (pooled by
    /// <paramref name="pooling"/> over the tokens <paramref name="batch"/> masks in) or <c>[batch, hidden]</c> (taken as is).
    /// </summary>
    public static float[][] Pool(ReadOnlySpan<float> output, ReadOnlySpan<long> shape, TokenBatch batch, OnnxPooling pooling, bool normalize)
    {
        if (shape.Length is not (2 or 3) || shape[0] != batch.Count || (shape.Length == 3 && shape[1] != batch.Length))
        {
            throw new InvalidOperationException(
                $"The embedding model returned shape [{string.Join(", ", shape.ToArray())}] for a batch of {batch.Count}×{batch.Length} tokens; " +
                "expected [batch, sequence, hidden] or [batch, hidden].");
        }

        var hidden = (int)shape[^1];
        var vectors = new float[batch.Count][];
        for (var row = 0; row < batch.Count; row++)
        {
            var vector = vectors[row] = new float[hidden];
            if (shape.Length == 2)
            {
                output.Slice(row * hidden, hidden).CopyTo(vector);
            }
            else
            {
                var states = output.Slice(row * batch.Length * hidden, batch.Length * hidden);
                var mask = batch.AttentionMask.AsSpan(row * batch.Length, batch.Length);
                Pool(states, mask, hidden, pooling, vector);
            }

            if (normalize)
            {
                VectorMath.Normalize(vector);
            }
        }

        return vectors;
    }

    private static void Pool(ReadOnlySpan<float> states, ReadOnlySpan<long> mask, int hidden, OnnxPooling pooling, Span<float> vector)
    {
        if (pooling == OnnxPooling.Cls)
        {
            states[..hidden].CopyTo(vector);
            return;
        }

        var tokens = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] != 0)
            {
                TensorPrimitives.Add(vector, states.Slice(t * hidden, hidden), vector);
                tokens++;
            }
        }

        TensorPrimitives.Divide(vector, Math.Max(tokens, 1), vector);
    }
}
