namespace Chatbot.Knowledge;

/// <summary>
/// Questions the knowledge base could not answer, per tenant (keyed by tenant id), kept for review so the missing
/// documents can be added. Bounded: the oldest entries are dropped first.
/// </summary>
public interface IUnansweredQuestionsGrain : IGrainWithStringKey
{
    /// <summary>Records a question. Fire-and-forget.</summary>
    [Orleans.Concurrency.OneWay]
    Task RecordAsync(UnansweredQuestion question);

    /// <summary>The most recent questions, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListAsync(int limit);
}

/// <summary>A question the knowledge base did not answer.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.UnansweredQuestion")]
public sealed record UnansweredQuestion(
    [property: Id(0)] string Question,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] string RequestId,
    [property: Id(3)] DateTimeOffset AskedAt,
    [property: Id(4)] IReadOnlyList<string> DatasetIds);

/// <summary>Persistent state of <see cref="IUnansweredQuestionsGrain"/>.</summary>
[GenerateSerializer, Alias("chatbot.UnansweredQuestionsState")]
public sealed class UnansweredQuestionsState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<UnansweredQuestion> Questions { get; set; } = [];
}
