using System.Security.Cryptography;
using System.Text;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;
using Chatbot.Voice;
using Chatbot.Voice.Asr;
using Microsoft.Extensions.Logging;

namespace Chatbot.Grains.Voice;

/// <summary>
/// A knowledge base's language for speech recognition, sampled from the knowledge store and the tenant's review
/// queue and cached in memory until the documents change (questions are looked at again after
/// <see cref="QuestionsRefresh"/>), so the recognizer's domain model, built once per content, is not rebuilt for every
/// session.
/// </summary>
public sealed partial class VoiceDomainGrain(IKnowledgeStore store, TimeProvider timeProvider, ILogger<VoiceDomainGrain> logger)
    : Grain, IVoiceDomainGrain
{
    /// <summary>How long past questions are reused before the review queue is read again.</summary>
    public static readonly TimeSpan QuestionsRefresh = TimeSpan.FromMinutes(10);

    private const int MaxQuestions = 200;
    private const int MinWordsPerDocument = 200;

    private string? _fingerprint;
    private DateTimeOffset _sampledAt;
    private IReadOnlyList<string> _texts = [];

    public async Task<IReadOnlyList<string>> GetTextsAsync(int maxWords, CancellationToken cancellationToken = default)
    {
        var key = this.GetPrimaryKeyString();
        var (tenant, dataset, _) = DatasetKey.Parse(key);

        // 1. What the knowledge base holds now: the indexed documents, newest first.
        var documents = (await store.LoadDocumentStatusesAsync(tenant, dataset, cancellationToken))
            .Where(d => d.State == DocumentState.Done)
            .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.DocumentId, StringComparer.Ordinal)
            .ToList();
        var fingerprint = Fingerprint(documents, maxWords);
        var now = timeProvider.GetUtcNow();
        if (fingerprint == _fingerprint && now - _sampledAt < QuestionsRefresh)
        {
            return _texts;
        }

        // 2. Past questions first (what users actually say), then passages, a share of the budget per document so
        //    every recent document's words are in.
        var sample = new SpeechDomainSample(maxWords);
        var questions = await GrainFactory.GetGrain<IUnansweredQuestionsGrain>(tenant).ListAsync(MaxQuestions);
        foreach (var question in questions.Where(q => q.DatasetIds.Contains(dataset, StringComparer.Ordinal)))
        {
            sample.Add(question.Question);
        }

        var partitions = documents.Count == 0 ? 0 : await GrainFactory.GetGrain<IKnowledgeBaseGrain>(key).GetPartitionCountAsync();
        var perDocument = Math.Max(MinWordsPerDocument, maxWords / Math.Max(1, documents.Count));
        foreach (var document in documents)
        {
            var chunks = new List<StoredChunk>();
            for (var p = 0; p < partitions; p++)
            {
                chunks.AddRange(await store.LoadDocumentChunksAsync(tenant, dataset, p, document.DocumentId, cancellationToken));
            }

            var budget = new SpeechDomainSample(perDocument);
            foreach (var chunk in chunks.OrderBy(c => c.Index))
            {
                if (!budget.Add(chunk.Text))
                {
                    break;
                }
            }

            if (!budget.Texts.All(t => sample.Add(t)))
            {
                break;
            }
        }

        _texts = sample.Texts;
        _fingerprint = fingerprint;
        _sampledAt = now;
        LogSampled(logger, key, documents.Count, sample.Words);
        return _texts;
    }

    private static string Fingerprint(IReadOnlyList<DocumentStatus> documents, int maxWords)
    {
        var text = new StringBuilder().Append(maxWords);
        foreach (var d in documents)
        {
            text.Append('\n').Append(d.DocumentId).Append('@').Append(d.Version).Append('/').Append(d.ChunkCount);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(4211, LogLevel.Information, "Voice domain {Key}: sampled {Words} words from {Documents} documents and past questions")]
    private static partial void LogSampled(ILogger logger, string key, int documents, int words);
}
