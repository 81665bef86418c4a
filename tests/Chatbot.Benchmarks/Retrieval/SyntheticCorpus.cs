using System.Text;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Testing.Knowledge;

namespace Chatbot.Benchmarks.Retrieval;

/// <summary>
/// Deterministic English-like documents and questions for the retrieval benchmark: common English words mixed with
/// a few thousand generated terms drawn by a Zipf law (as real vocabularies are), in sentences and paragraphs under a
/// title, so BM25 posting lists and vectors have realistic shapes. The same seed gives the same text in every run.
/// </summary>
internal sealed class SyntheticCorpus
{
    private static readonly string[] s_common =
    [
        "the", "of", "and", "to", "in", "is", "for", "that", "with", "on", "as", "by", "at", "from", "this", "be", "are",
        "was", "it", "an", "or", "which", "has", "have", "not", "can", "all", "their", "more", "when", "after", "each",
        "system", "policy", "customer", "service", "report", "process", "team", "account", "data", "request", "network",
        "security", "office", "product", "contract", "invoice", "employee", "manager", "support", "project", "budget",
        "release", "server", "storage", "access", "review", "approval", "training", "device", "schedule", "quarter",
        "region", "price", "order", "payment", "delivery", "warehouse", "incident", "backup", "license", "meeting",
    ];

    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ra", "ten", "vor", "shi", "dal", "qua", "ne", "bri", "sto", "fen", "gar", "lu", "pex", "zo",
        "tri", "mon", "vel", "cas", "dro", "hin", "jur", "wex", "yan", "pol", "sar", "tek", "umb",
    ];

    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly int _seed;

    public SyntheticCorpus(int seed = 20240601, int generatedTerms = 6000)
    {
        _seed = seed;
        var random = new Random(seed);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        while (terms.Count < generatedTerms)
        {
            var word = new StringBuilder();
            for (var i = random.Next(2, 4); i > 0; i--)
            {
                word.Append(s_syllables[random.Next(s_syllables.Length)]);
            }

            terms.Add(word.ToString());
        }

        // Common words first, so they take the heads of the Zipf distribution.
        _vocabulary = [.. s_common, .. terms];
        _cumulative = new double[_vocabulary.Length];
        var sum = 0.0;
        for (var rank = 0; rank < _vocabulary.Length; rank++)
        {
            sum += 1.0 / (rank + 1);
            _cumulative[rank] = sum;
        }
    }

    /// <summary>Document <paramref name="index"/>: a title and <paramref name="paragraphs"/> paragraphs.</summary>
    public TextDocument Document(int index, int paragraphs)
    {
        var random = new Random(HashCode.Combine(_seed, index));
        var text = new StringBuilder();
        text.Append("Document ").Append(index).Append(": ").Append(Word(random)).Append(' ').Append(Word(random)).Append("\n\n");
        for (var p = 0; p < paragraphs; p++)
        {
            for (var s = random.Next(3, 7); s > 0; s--)
            {
                var sentence = Sentence(random, random.Next(8, 21));
                text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1).Append(". ");
            }

            text.Append("\n\n");
        }

        return new TextDocument($"doc{index:D6}", text.ToString());
    }

    /// <summary>Question <paramref name="index"/>: three to seven words, as a short chat question is.</summary>
    public string Question(int index)
    {
        var random = new Random(HashCode.Combine(_seed, -1 - index));
        return "What does " + Sentence(random, random.Next(3, 8)) + " mean?";
    }

    /// <summary>
    /// Paragraphs per document so that <paramref name="documents"/> documents make about <paramref name="chunks"/>
    /// chunks with the dataset's default chunking, measured by chunking a sample with the platform's chunker.
    /// </summary>
    public async Task<int> ParagraphsForAsync(int chunks, int documents, CancellationToken cancellationToken)
    {
        var chunker = DocumentChunker.CreateDefault();
        var settings = new IndexSettings();
        var options = new ChunkingOptions { ChunkSize = settings.ChunkSize, Overlap = settings.Overlap };
        const int SampleParagraphs = 40;
        var parsers = DocumentParsers.CreateDefault();
        var total = 0;
        const int Samples = 8;
        for (var i = 0; i < Samples; i++)
        {
            var document = Document(1_000_000 + i, SampleParagraphs);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.Text));
            var parsed = await parsers.ParseAsync(stream, document.Id + ".txt", "text/plain", cancellationToken);
            total += chunker.Chunk(document.Id, parsed, options, cancellationToken).Count;
        }

        var perParagraph = total / (double)(Samples * SampleParagraphs);
        return Math.Max(1, (int)Math.Round(chunks / (double)documents / perParagraph));
    }

    private string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

    private string Word(Random random)
    {
        var rank = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return _vocabulary[rank < 0 ? ~rank : rank];
    }
}
