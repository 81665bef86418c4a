namespace Chatbot.Knowledge.Indexing.Evaluation;

/// <summary>A document (or one chunk of a document) of an evaluation corpus.</summary>
/// <param name="Id">Unique id of this indexed unit (BEIR <c>_id</c>, or a chunk id).</param>
/// <param name="Text">Indexed text (title and body).</param>
/// <param name="DocumentId">The document relevance is judged on, when units are chunks; <see langword="null"/> means <paramref name="Id"/>.</param>
public sealed record EvaluationDocument(string Id, string Text, string? DocumentId = null);

/// <summary>A labelled query.</summary>
/// <param name="Id">Query id.</param>
/// <param name="Text">Query text.</param>
/// <param name="RelevantIds">Ids of the documents judged relevant.</param>
public sealed record EvaluationQuery(string Id, string Text, IReadOnlySet<string> RelevantIds);

/// <summary>Mean retrieval quality of one configuration over a query set.</summary>
/// <param name="Name">Configuration name (for example the analyzer name).</param>
/// <param name="Queries">Number of queries with at least one relevant document.</param>
/// <param name="RecallAt5">Mean fraction of relevant documents found in the top 5.</param>
/// <param name="RecallAt10">Mean fraction of relevant documents found in the top 10.</param>
/// <param name="MrrAt10">Mean reciprocal rank of the first relevant document within the top 10 (0 when absent).</param>
public sealed record RetrievalScores(string Name, int Queries, double RecallAt5, double RecallAt10, double MrrAt10);
