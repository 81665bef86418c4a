using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph;

namespace Chatbot.Gateway.Search;

/// <summary>
/// The <c>graph_context</c> of a result, shaped as the specification shows it (section 5.2.3): <c>entities</c> and
/// <c>relations</c> as names, <c>path</c> as a list of <c>A-&gt;B-&gt;C</c> chains; the ids, types, confidences and
/// supporting chunks behind them in <c>entity_details</c> and <c>relation_details</c> (beyond the specification).
/// </summary>
/// <param name="Entities">Entity names, in walking order for a path (the last is the answer).</param>
/// <param name="Relations">
/// Relation labels, one per step of a path: wire names (<c>leads</c>, <c>funded_by</c>), or Chinese labels (<c>领导</c>,
/// <c>资助</c>) for a question asked in Chinese, as the specification shows; <c>relation_details</c> keep the wire names.
/// </param>
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

    /// <summary>The body for <paramref name="context"/> of a result answering <paramref name="question"/>; null for a result without one.</summary>
    /// <param name="context">The result's graph context.</param>
    /// <param name="question">The question, which decides the language of <see cref="Relations"/>.</param>
    public static GraphContextBody? From(GraphContextRecord? context, string question) => context is null ? null : new(
        [.. context.Entities.Select(e => e.Name)],
        [.. context.Relations.Select(r => GraphSchema.RelationLabel(r.Relation, question))],
        context.Path is null ? [] : [string.Join(PathSeparator, context.Entities.Select(e => e.Name))],
        context.Entities,
        context.Relations);
}
