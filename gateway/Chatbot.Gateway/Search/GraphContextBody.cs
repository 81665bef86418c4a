using Chatbot.Knowledge;

namespace Chatbot.Gateway.Search;

/// <summary>
/// The <c>graph_context</c> of a result, shaped as the specification shows it (section 5.2.3): <c>entities</c> and
/// <c>relations</c> as names, <c>path</c> as a list of <c>A-&gt;B-&gt;C</c> chains; the ids, types, confidences and
/// supporting chunks behind them in <c>entity_details</c> and <c>relation_details</c> (beyond the specification).
/// </summary>
/// <param name="Entities">Entity names, in walking order for a path (the last is the answer).</param>
/// <param name="Relations">Relation names (<c>leads</c>, <c>funded_by</c>), one per step of a path.</param>
/// <param name="Path">The path as one <c>-&gt;</c>-joined chain of entity names; empty when the result has none.</param>
/// <param name="EntityDetails">The entities with their ids and types, in the order of <paramref name="Entities"/>.</param>
/// <param name="RelationDetails">The relations read <c>source relation target</c>, with confidence and the chunks stating each.</param>
public sealed record GraphContextBody(
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Relations,
    IReadOnlyList<string> Path,
    IReadOnlyList<GraphEntityRef> EntityDetails,
    IReadOnlyList<GraphRelationRef> RelationDetails)
{
    /// <summary>Between two entity names of <see cref="Path"/>, as the specification writes it.</summary>
    public const string PathSeparator = "->";

    /// <summary>The body for <paramref name="context"/>; null for a result without one.</summary>
    public static GraphContextBody? From(GraphContextRecord? context) => context is null ? null : new(
        [.. context.Entities.Select(e => e.Name)],
        [.. context.Relations.Select(r => r.Relation)],
        context.Path is null ? [] : [string.Join(PathSeparator, context.Entities.Select(e => e.Name))],
        context.Entities,
        context.Relations);
}
