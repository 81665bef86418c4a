using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Indexing.Vectors;

namespace Chatbot.Knowledge.Indexing;

public sealed partial class PartitionIndex
{
    private const string Magic = "chatbot.partition";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes a snapshot: the analyzer name, then the BM25 and vector indexes' binary forms. Loading it skips text
    /// analysis and HNSW construction. Leaves <paramref name="stream"/> open.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            IndexBinary.WriteHeader(writer, Magic, FormatVersion);
            writer.Write(Analyzer.Name);
        }

        _bm25.WriteTo(stream);
        _vectors.WriteTo(stream);
    }

    /// <summary>Reads a snapshot written by <see cref="WriteTo"/>. Leaves <paramref name="stream"/> open.</summary>
    /// <exception cref="InvalidDataException">
    /// The stream is not a partition snapshot, or was indexed with another analyzer (re-index from the chunks).
    /// </exception>
    public static PartitionIndex ReadFrom(
        Stream stream, ITextAnalyzer analyzer, Bm25Options? bm25 = null, VectorIndexOptions? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(analyzer);
        using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            IndexBinary.ReadHeader(reader, Magic, FormatVersion);
            var analyzerName = reader.ReadString();
            if (analyzerName != analyzer.Name)
            {
                throw new InvalidDataException(
                    $"The partition snapshot was indexed with analyzer '{analyzerName}', not '{analyzer.Name}'; rebuild it from the chunks.");
            }
        }

        var lexical = Bm25Index.ReadFrom(stream, bm25);
        var dense = VectorIndex.ReadFrom(stream, vectors);
        return new PartitionIndex(analyzer, dense.Dimensions, bm25, vectors) { _bm25 = lexical, _vectors = dense };
    }
}
