using Chatbot.Knowledge.Ingestion.Chunking;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Cuts a <see cref="ParsedDocument"/> into <see cref="DocumentChunk"/>s of at most <see cref="ChunkingOptions.ChunkSize"/>
/// tokens, structure-aware:
/// <list type="bullet">
/// <item>a chunk never spans two sections; its heading path is carried in <see cref="DocumentChunk.Section"/>;</item>
/// <item>chunks end at paragraph boundaries where that keeps them at least half full, else at sentence ends
/// (English <c>.?!</c>, Chinese <c>。！？；</c>), else at line breaks;</item>
/// <item>only a sentence longer than a chunk is cut inside, at a comma or space where possible;</item>
/// <item>consecutive chunks of a section share up to <see cref="ChunkingOptions.Overlap"/> tokens.</item>
/// </list>
/// Deterministic: the same document and options always give the same chunks. Thread-safe; CPU-bound, so callers on
/// a grain run it on the thread pool as they do parsing.
/// </summary>
public sealed class DocumentChunker
{
    private readonly Tokenizer _tokenizer;

    /// <summary>Creates a chunker measuring tokens with <paramref name="tokenizer"/> (see <see cref="IngestionTokenizer"/>).</summary>
    public DocumentChunker(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <summary>A chunker over the offline o200k_base tokenizer (<see cref="IngestionTokenizer.CreateDefault"/>).</summary>
    public static DocumentChunker CreateDefault() => new(IngestionTokenizer.CreateDefault());

    /// <summary>Tokens in <paramref name="text"/>, as chunk sizes count them.</summary>
    public int CountTokens(string text) => _tokenizer.CountTokens(text, considerNormalization: false);

    /// <summary>Chunks a document; an empty document gives no chunks.</summary>
    /// <param name="documentId">Stamped on every chunk.</param>
    /// <param name="document">The parsed document; chunk offsets index its <see cref="ParsedDocument.Text"/>.</param>
    /// <param name="options">Chunk size and overlap, validated here.</param>
    /// <param name="cancellationToken">Checked between sections and chunks.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the parameter name is the request field.</exception>
    public IReadOnlyList<DocumentChunk> Chunk(
        string documentId, ParsedDocument document, ChunkingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var counter = new SpanTokenCounter(_tokenizer, document.Text);
        var packer = new ChunkPacker(counter);
        var chunks = new List<DocumentChunk>();
        foreach (var section in DocumentSections.Split(document))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The heading path is prepended when the chunk is embedded, so its tokens come out of the body's budget
            // (never more than half of it, however deep the headings).
            var headingTokens = section.Path.Length == 0 ? 0 : CountTokens(section.Path) + 1;
            var budget = options.ChunkSize - Math.Min(headingTokens, options.ChunkSize / 2);
            var overlap = Math.Min(options.Overlap, budget / 2);

            var units = TextUnits.Build(counter, section.Blocks, maxSentenceTokens: budget, maxPieceTokens: budget - overlap);
            foreach (var span in packer.Pack(units, budget, overlap))
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunks.Add(new DocumentChunk(
                    documentId, chunks.Count, section.Path, document.Text[span.Start..span.End],
                    span.Start, span.End, span.Page, span.Tokens));
            }
        }

        return chunks;
    }
}
