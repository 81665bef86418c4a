using Microsoft.ML.Tokenizers;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>The tokenizer chunk sizes are measured in.</summary>
public static class IngestionTokenizer
{
    /// <summary>The encoding <see cref="CreateDefault"/> loads.</summary>
    public const string DefaultEncoding = "o200k_base";

    /// <summary>
    /// Creates the o200k_base byte-pair tokenizer (GPT-4o's), whose vocabulary ships inside the
    /// <c>Microsoft.ML.Tokenizers.Data.O200kBase</c> package: nothing is downloaded. It covers English and Chinese well
    /// (most common Chinese words are one or two tokens). Loading takes a fraction of a second and some megabytes, so
    /// create it once; the result is thread-safe.
    /// </summary>
    public static Tokenizer CreateDefault() => TiktokenTokenizer.CreateForEncoding(DefaultEncoding);
}
