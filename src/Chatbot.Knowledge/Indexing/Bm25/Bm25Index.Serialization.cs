namespace Chatbot.Knowledge.Indexing.Bm25;

public sealed partial class Bm25Index
{
    private const string Magic = "chatbot.bm25";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes the live chunks compactly: the term dictionary once, then per chunk its metadata and
    /// (term id, frequency) pairs as 7-bit varints. Postings are rebuilt on load, so they are not stored.
    /// Leaves <paramref name="stream"/> open.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var live = LiveChunks().ToList();
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var (_, chunkTerms) in live)
        {
            foreach (var (term, _) in chunkTerms)
            {
                if (termIds.TryAdd(term, terms.Count))
                {
                    terms.Add(term);
                }
            }
        }

        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        IndexBinary.WriteHeader(writer, Magic, FormatVersion);
        writer.Write7BitEncodedInt(terms.Count);
        foreach (var term in terms)
        {
            writer.Write(term);
        }

        writer.Write7BitEncodedInt(live.Count);
        foreach (var (chunk, chunkTerms) in live)
        {
            IndexBinary.WriteChunk(writer, chunk);
            writer.Write7BitEncodedInt(chunkTerms.Length);
            foreach (var (term, frequency) in chunkTerms)
            {
                writer.Write7BitEncodedInt(termIds[term]);
                writer.Write7BitEncodedInt(frequency);
            }
        }
    }

    /// <summary>Reads an index written by <see cref="WriteTo"/>. Leaves <paramref name="stream"/> open.</summary>
    /// <exception cref="InvalidDataException">The stream is not a BM25 index of a supported version.</exception>
    public static Bm25Index ReadFrom(Stream stream, Bm25Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        IndexBinary.ReadHeader(reader, Magic, FormatVersion);
        var terms = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = reader.ReadString();
        }

        var index = new Bm25Index(options);
        var chunkCount = reader.Read7BitEncodedInt();
        for (var c = 0; c < chunkCount; c++)
        {
            var chunk = IndexBinary.ReadChunk(reader);
            var chunkTerms = new (string, int)[reader.Read7BitEncodedInt()];
            for (var i = 0; i < chunkTerms.Length; i++)
            {
                chunkTerms[i] = (terms[reader.Read7BitEncodedInt()], reader.Read7BitEncodedInt());
            }

            index.AddExpanded(chunk, chunkTerms);
        }

        return index;
    }
}
