using System.Numerics.Tensors;

namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>SIMD vector helpers over <see cref="TensorPrimitives"/>. Stateless.</summary>
public static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> in place to unit L2 length; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>Returns a unit-length copy of <paramref name="vector"/>.</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        Normalize(copy);
        return copy;
    }

    /// <summary>Dot product; equals cosine similarity for unit vectors.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);
}
