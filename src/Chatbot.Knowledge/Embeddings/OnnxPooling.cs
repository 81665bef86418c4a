namespace Chatbot.Knowledge.Embeddings;

/// <summary>How <see cref="OnnxEmbeddingGenerator"/> turns a model's per-token states into one vector.</summary>
public enum OnnxPooling
{
    /// <summary>The state of the first token, <c>[CLS]</c>: what BGE models are trained for. The default.</summary>
    Cls,

    /// <summary>The mean of the states of the real (attention-masked) tokens, <c>[CLS]</c> and <c>[SEP]</c> included.</summary>
    Mean,
}
