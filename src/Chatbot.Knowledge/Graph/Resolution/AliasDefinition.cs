namespace Chatbot.Knowledge.Graph.Resolution;

/// <summary>
/// A second name the text gives an entity in parentheses: <c>World Health Organization (WHO)</c>,
/// <c>阿里巴巴（Alibaba）</c>, <c>Alibaba (阿里巴巴)</c>. Offsets are UTF-16 code units into the text searched.
/// </summary>
/// <param name="Name">The full or first-written name.</param>
/// <param name="Alias">The other name.</param>
/// <param name="NameStart">Where <paramref name="Name"/> starts.</param>
/// <param name="NameEnd">One past where it ends.</param>
/// <param name="AliasStart">Where <paramref name="Alias"/> starts.</param>
/// <param name="AliasEnd">One past where it ends.</param>
public sealed record AliasDefinition(string Name, string Alias, int NameStart, int NameEnd, int AliasStart, int AliasEnd);
