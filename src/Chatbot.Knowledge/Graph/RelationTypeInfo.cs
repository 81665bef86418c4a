namespace Chatbot.Knowledge.Graph;

/// <summary>
/// One relation type of <see cref="GraphSchema"/>: wire name, meaning, how a path step reads in each direction, which
/// entity types its arguments usually have, and the query words that ask about it.
/// </summary>
/// <param name="Type">The type.</param>
/// <param name="Name">snake_case wire name, for example <c>funded_by</c>.</param>
/// <param name="ChineseName">Chinese label (<c>资助</c>), which results show for a question asked in Chinese.</param>
/// <param name="Description">What the relation asserts, read source → target; shown to extraction models and in the README.</param>
/// <param name="Phrase">How a forward step reads: <c>A {Phrase} B</c>, for example <c>is funded by</c>.</param>
/// <param name="InversePhrase">How the step reads walked backwards: <c>B {InversePhrase} A</c>, for example <c>funds</c>.</param>
/// <param name="SourceTypes">Likely source types, most likely first; the first types an untyped source.</param>
/// <param name="TargetTypes">Likely target types, most likely first; the first types an untyped target.</param>
/// <param name="QueryCues">
/// Words in a question that ask about this relation: English word stems (matched at a word start, so <c>fund</c>
/// matches <c>funds</c> and <c>funding</c>) and Chinese words (matched anywhere).
/// </param>
public sealed record RelationTypeInfo(
    RelationType Type,
    string Name,
    string ChineseName,
    string Description,
    string Phrase,
    string InversePhrase,
    IReadOnlyList<EntityType> SourceTypes,
    IReadOnlyList<EntityType> TargetTypes,
    IReadOnlyList<string> QueryCues);
