namespace Chatbot.Testing.Onnx;

/// <summary>
/// A BERT-shaped ONNX model small enough to write by hand, with its WordPiece <c>vocab.txt</c>, in a temporary folder
/// deleted on dispose. Inputs <c>input_ids</c>, <c>attention_mask</c> and (optionally) <c>token_type_ids</c>, int64
/// <c>[batch, sequence]</c>; output <c>last_hidden_state</c> <c>[batch, sequence, hidden]</c> = word embedding row
/// (+ token-type row 0), or, pooled, <c>sentence_embedding</c> = its unmasked mean over the sequence. A token's state
/// ignores its context, so tests can compute every expected vector from <see cref="TokenState"/>. Words of one topic
/// share a strong axis, so texts about the same topic land near each other.
/// </summary>
public sealed class TinyBertModel : IDisposable
{
    /// <summary>Vector length of the model.</summary>
    public const int Hidden = 8;

    /// <summary>Words by topic: each topic's words point mostly along axis = topic index.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Topics =
    [
        ["leave", "vacation", "holiday", "annual", "paid", "absence"],
        ["password", "login", "account", "security", "changed", "reset"],
        ["office", "metro", "station", "address", "line", "building"],
    ];

    private static readonly string[] s_special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private static readonly string[] s_otherWords =
    [
        "a", "b", "c", "the", "is", "of", "how", "many", "must", "be", "every", "per", "year", "get", "employees", "to",
        "next", "where", "what", "do", "i", "my", "our", "we", "ninety", "fifteen", "two", "days", "on",
    ];

    private readonly Dictionary<string, float[]> _states = [];

    private TinyBertModel(string directory, bool tokenTypeIds, bool symbolicHidden, bool pooledOutput)
    {
        Directory = directory;
        Vocabulary = [.. s_special, .. Topics.SelectMany(t => t), .. s_otherWords];
        var words = WordTable();
        var types = TypeTable(tokenTypeIds);
        for (var id = 0; id < Vocabulary.Count; id++)
        {
            _states[Vocabulary[id]] = [.. words.AsSpan(id * Hidden, Hidden).ToArray().Select((x, d) => x + types[d])];
        }

        File.WriteAllLines(VocabularyPath, Vocabulary);
        File.WriteAllBytes(ModelPath, Build(words, types, tokenTypeIds, symbolicHidden, pooledOutput));
    }

    /// <summary>The temporary folder holding the files.</summary>
    public string Directory { get; }

    /// <summary><c>model.onnx</c>.</summary>
    public string ModelPath => Path.Combine(Directory, "model.onnx");

    /// <summary><c>vocab.txt</c>.</summary>
    public string VocabularyPath => Path.Combine(Directory, "vocab.txt");

    /// <summary>Tokens by id.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>
    /// Writes a model. <paramref name="tokenTypeIds"/>: declare (and use) the <c>token_type_ids</c> input.
    /// <paramref name="symbolicHidden"/>: leave the hidden size of the output symbolic. <paramref name="pooledOutput"/>:
    /// output <c>sentence_embedding</c> <c>[batch, hidden]</c> instead of token states.
    /// </summary>
    public static TinyBertModel Create(bool tokenTypeIds = true, bool symbolicHidden = false, bool pooledOutput = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"chatbot-onnx-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return new TinyBertModel(directory, tokenTypeIds, symbolicHidden, pooledOutput);
    }

    /// <summary>The model's output state for <paramref name="token"/> (a vocabulary entry) wherever it stands.</summary>
    public float[] TokenState(string token) => [.. _states[token]];

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private float[] WordTable()
    {
        // A fixed seed: the same table in every run.
        var random = new Random(20260301);
        var table = new float[Vocabulary.Count * Hidden];
        for (var id = 0; id < Vocabulary.Count; id++)
        {
            var row = table.AsSpan(id * Hidden, Hidden);
            for (var d = Topics.Count; d < Hidden; d++)
            {
                row[d] = (float)(random.NextDouble() - 0.5) * 0.6f;
            }

            var topic = Topics.ToList().FindIndex(words => words.Contains(Vocabulary[id]));
            if (topic >= 0)
            {
                row[topic] = 2f;
            }
        }

        // Padding states are far from everything: a pooling that let them in would show.
        table.AsSpan(0, Hidden).Fill(5f);
        return table;
    }

    private static float[] TypeTable(bool tokenTypeIds) =>
        tokenTypeIds ? [0.1f, -0.1f, 0.1f, -0.1f, 0.1f, -0.1f, 0.1f, -0.1f] : new float[Hidden];

    private byte[] Build(float[] words, float[] types, bool tokenTypeIds, bool symbolicHidden, bool pooledOutput)
    {
        object hidden = symbolicHidden ? "hidden" : (long)Hidden;
        var builder = new OnnxModelBuilder()
            .Input("input_ids", OnnxModelBuilder.Int64, "batch", "sequence")
            .Input("attention_mask", OnnxModelBuilder.Int64, "batch", "sequence")
            .Initializer("word_embeddings", words, Vocabulary.Count, Hidden);
        var states = pooledOutput ? "token_states" : "last_hidden_state";
        if (tokenTypeIds)
        {
            // Row 1 exists as in BERT; one-segment inputs only ever read row 0.
            builder.Input("token_type_ids", OnnxModelBuilder.Int64, "batch", "sequence")
                .Initializer("token_type_embeddings", [.. types, .. new float[Hidden]], 2, Hidden)
                .Node("Gather", ["word_embeddings", "input_ids"], ["word_states"])
                .Node("Gather", ["token_type_embeddings", "token_type_ids"], ["type_states"])
                .Node("Add", ["word_states", "type_states"], [states]);
        }
        else
        {
            builder.Node("Gather", ["word_embeddings", "input_ids"], [states]);
        }

        if (pooledOutput)
        {
            builder.Node("ReduceMean", [states], ["sentence_embedding"], ("axes", new long[] { 1 }), ("keepdims", 0L))
                .Output("sentence_embedding", OnnxModelBuilder.Float, "batch", hidden);
        }
        else
        {
            builder.Output("last_hidden_state", OnnxModelBuilder.Float, "batch", "sequence", hidden);
        }

        return builder.Build();
    }
}
