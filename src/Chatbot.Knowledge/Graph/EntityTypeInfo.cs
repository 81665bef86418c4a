namespace Chatbot.Knowledge.Graph;

/// <summary>One entity type of <see cref="GraphSchema"/>: its wire name (as in prompts and JSON), Chinese label and what it covers.</summary>
/// <param name="Type">The type.</param>
/// <param name="Name">Lower-case wire name, for example <c>organization</c>.</param>
/// <param name="Description">One sentence saying what belongs to the type; shown to extraction models and in the README.</param>
/// <param name="ChineseName">The type's Chinese label, for example <c>组织</c>; accepted wherever a type name is (API filters).</param>
public sealed record EntityTypeInfo(EntityType Type, string Name, string Description, string ChineseName);
