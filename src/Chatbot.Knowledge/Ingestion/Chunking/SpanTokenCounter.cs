using Microsoft.ML.Tokenizers;

namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>Token arithmetic over ranges of one text. Normalisation is skipped so indexes refer to the original text.</summary>
internal sealed class SpanTokenCounter(Tokenizer tokenizer, string text)
{
    public string Text => text;

    /// <summary>Tokens in <c>text[start..end]</c>.</summary>
    public int Count(int start, int end) =>
        tokenizer.CountTokens(text.AsSpan(start, end - start), considerNormalization: false);

    /// <summary>The end of the longest prefix of <c>text[start..end]</c> with at most <paramref name="maxTokens"/> tokens.</summary>
    public int FitForward(int start, int end, int maxTokens) =>
        start + tokenizer.GetIndexByTokenCount(
            text.AsSpan(start, end - start), maxTokens, out _, out _, considerNormalization: false);

    /// <summary>The start of the longest suffix of <c>text[start..end]</c> with at most <paramref name="maxTokens"/> tokens.</summary>
    public int FitBackward(int start, int end, int maxTokens) =>
        start + tokenizer.GetIndexByTokenCountFromEnd(
            text.AsSpan(start, end - start), maxTokens, out _, out _, considerNormalization: false);
}
