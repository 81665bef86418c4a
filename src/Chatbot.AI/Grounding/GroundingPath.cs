namespace Chatbot.AI.Grounding;

/// <summary>
/// A knowledge-graph path offered to the model with the sources: a chain of entities from the question's entity to a
/// candidate answer, each step stated by a sentence of a numbered source.
/// </summary>
/// <param name="Answer">The entity the path leads to.</param>
/// <param name="Text">The path in arrow form (<c>Project Falcon → Alice Smith → Orion Group → Helios Foundation</c>).</param>
/// <param name="Steps">The steps in walking order.</param>
public sealed record GroundingPath(string Answer, string Text, IReadOnlyList<GroundingPathStep> Steps);

/// <summary>One step of a <see cref="GroundingPath"/>.</summary>
/// <param name="Phrase">The step as a statement (<c>Project Falcon is led by Alice Smith</c>).</param>
/// <param name="Evidence">The source sentence stating it, verbatim.</param>
/// <param name="SourceIndex">The number of the source the sentence is quoted from (<c>[n]</c>).</param>
public sealed record GroundingPathStep(string Phrase, string Evidence, int SourceIndex);
