using System.Globalization;

namespace Chatbot.Inference;

/// <summary>
/// Keys of inference grains: <c>embeddings/{model}/{shard}</c>. No tenant: a model serves every tenant and keeps nothing
/// of theirs. Shards let several GPU silos share one model's load.
/// </summary>
public static class InferenceKey
{
    /// <summary>Formats the key of an <see cref="IEmbeddingInferenceGrain"/>.</summary>
    /// <param name="model">Model name: letters, digits, '-', '_', '.' or ':'.</param>
    /// <param name="shard">Zero-based shard.</param>
    public static string Embeddings(string model, int shard)
    {
        if (string.IsNullOrEmpty(model) || !model.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw new ArgumentException($"Invalid model name '{model}'.", nameof(model));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        return $"embeddings/{model}/{shard.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Splits an <see cref="IEmbeddingInferenceGrain"/> key into its model and shard.</summary>
    /// <exception cref="FormatException">The key is not <c>embeddings/{model}/{shard}</c>.</exception>
    public static (string Model, int Shard) ParseEmbeddings(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        return parts is ["embeddings", { Length: > 0 } model, var shard] && int.TryParse(shard, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (model, n)
            : throw new FormatException($"'{key}' is not an embedding inference grain key.");
    }
}
