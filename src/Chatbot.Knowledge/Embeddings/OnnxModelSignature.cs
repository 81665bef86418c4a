using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// What a loaded model takes and gives, checked once at load: the int64 inputs <c>input_ids</c> and
/// <c>attention_mask</c> (required) and <c>token_type_ids</c> (fed only when declared; BERT has it, many exports drop
/// it), and the float output to pool: <c>last_hidden_state</c>, else <c>sentence_embedding</c>, else the first.
/// </summary>
internal sealed record OnnxModelSignature(bool HasTokenTypeIds, string OutputName, int? Dimensions)
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    // Token states first, so the configured pooling applies; a sentence-transformers export's pooled output next.
    private static readonly string[] s_preferredOutputs = ["last_hidden_state", "sentence_embedding"];

    /// <exception cref="InvalidOperationException">The model's inputs or outputs are not those of a BERT-style encoder.</exception>
    public static OnnxModelSignature Read(InferenceSession session, string modelPath)
    {
        var inputs = session.InputMetadata;
        foreach (var (name, metadata) in inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
            {
                throw Invalid(modelPath, $"has an input '{name}' the onnx provider cannot feed (it feeds {InputIds}, {AttentionMask}, {TokenTypeIds})");
            }

            if (metadata.ElementDataType != TensorElementType.Int64 || metadata.Dimensions.Length != 2)
            {
                throw Invalid(modelPath, $"input '{name}' must be an int64 tensor [batch, sequence]");
            }
        }

        foreach (var required in (string[])[InputIds, AttentionMask])
        {
            if (!inputs.ContainsKey(required))
            {
                throw Invalid(modelPath, $"has no input '{required}' (inputs: {string.Join(", ", inputs.Keys)})");
            }
        }

        var outputName = s_preferredOutputs.FirstOrDefault(session.OutputMetadata.ContainsKey) ?? session.OutputNames[0];
        var output = session.OutputMetadata[outputName];
        if (output.ElementDataType != TensorElementType.Float || output.Dimensions.Length is not (2 or 3))
        {
            throw Invalid(modelPath, $"output '{outputName}' must be a float tensor [batch, sequence, hidden] or [batch, hidden]");
        }

        var hidden = output.Dimensions[^1];
        return new OnnxModelSignature(inputs.ContainsKey(TokenTypeIds), outputName, hidden > 0 ? hidden : null);
    }

    private static InvalidOperationException Invalid(string modelPath, string problem) =>
        new($"{OnnxEmbeddingOptions.SectionName}:ModelPath '{Path.GetFullPath(modelPath)}' {problem}.");
}
