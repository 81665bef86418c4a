namespace Chatbot.Voice;

/// <summary>
/// The language of one knowledge base for speech recognition (keyed by <c>DatasetKey.Format(tenant, dataset)</c>): a
/// bounded sample of its documents' text and of the questions the tenant asked about it, from which the recognizer
/// builds a domain language model. Cached until the documents change.
/// </summary>
public interface IVoiceDomainGrain : IGrainWithStringKey
{
    /// <summary>
    /// The texts (document passages first, then past questions), together at most <paramref name="maxWords"/> words;
    /// empty when the knowledge base has no indexed documents and no questions.
    /// </summary>
    Task<IReadOnlyList<string>> GetTextsAsync(int maxWords, CancellationToken cancellationToken = default);
}
