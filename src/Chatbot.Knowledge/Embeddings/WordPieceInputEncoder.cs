using Microsoft.ML.Tokenizers;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Turns a text into the ids a BERT-style model reads: <c>[CLS]</c>, its WordPiece pieces, <c>[SEP]</c>, truncated
/// so the whole stays within <see cref="OnnxEmbeddingOptions.MaxTokens"/> (the end of a long text is dropped, the
/// special tokens are kept). Thread-safe: the tokenizer is immutable after loading.
/// </summary>
internal sealed class WordPieceInputEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxPieces;

    private WordPieceInputEncoder(BertTokenizer tokenizer, int maxTokens)
    {
        _tokenizer = tokenizer;
        _maxPieces = maxTokens - 2;
    }

    public int PaddingTokenId => _tokenizer.PaddingTokenId;

    /// <summary>Loads <see cref="OnnxEmbeddingOptions.TokenizerPath"/> (a <c>vocab.txt</c>).</summary>
    /// <exception cref="InvalidOperationException">The file is not a WordPiece vocabulary with the BERT special tokens.</exception>
    public static WordPieceInputEncoder Load(OnnxEmbeddingOptions options)
    {
        var bert = new BertOptions
        {
            LowerCaseBeforeTokenization = options.LowerCase,
            // Hugging Face's BertTokenizer strips accents exactly when it lower-cases (strip_accents=None).
            RemoveNonSpacingMarks = options.LowerCase,
        };
        try
        {
            return new WordPieceInputEncoder(BertTokenizer.Create(options.TokenizerPath!, bert), options.MaxTokens);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"{OnnxEmbeddingOptions.SectionName}:TokenizerPath '{Path.GetFullPath(options.TokenizerPath!)}' is not a WordPiece vocab.txt " +
                $"with [CLS], [SEP], [PAD], [UNK] and [MASK]: {ex.Message}", ex);
        }
    }

    public int[] Encode(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, _maxPieces, addSpecialTokens: false, out _, out _);
        var ids = new int[pieces.Count + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }
}
