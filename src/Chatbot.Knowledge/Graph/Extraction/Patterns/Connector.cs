using System.Text.RegularExpressions;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// One relation pattern: the words standing between two mentions (English) or around two arguments (Chinese).
/// </summary>
/// <param name="Pattern">Matched against the normalised text between the mentions (English) or against a clause (Chinese).</param>
/// <param name="Relation">The relation it states.</param>
/// <param name="Reversed">The right-hand argument is the relation's source (<c>Y funds X</c> states <c>X funded_by Y</c>).</param>
/// <param name="Confidence">The pattern's strength: explicit, unambiguous wording scores higher.</param>
/// <param name="Appositive">An inserted description (<c>X, the head of Y,</c>): a verb after it still belongs to X.</param>
internal sealed record Connector(Regex Pattern, RelationType Relation, bool Reversed, double Confidence, bool Appositive = false)
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>A connector that must match the whole between-text.</summary>
    public static Connector Between(string pattern, RelationType relation, double confidence, bool reversed = false) =>
        new(new Regex($"^(?:{Expand(pattern)})$", Options), relation, reversed, confidence, pattern.StartsWith(',') && !pattern.StartsWith(",?", StringComparison.Ordinal));

    /// <summary>A Chinese clause pattern with <c>x</c> and <c>y</c> groups.</summary>
    public static Connector Clause(string pattern, RelationType relation, double confidence, bool reversed = false) =>
        new(new Regex(pattern, Options), relation, reversed, confidence);

    // Shorthands keep the table readable: BE is a form of "to be", ADV optional adverbs, ART an optional article.
    private static string Expand(string pattern) => pattern
        .Replace("{BE}", "(?:is|are|was|were|has been|have been|had been|will be|being)", StringComparison.Ordinal)
        .Replace("{ADV}", "(?:(?:also|now|currently|still|jointly|officially|formerly|previously|recently|primarily|mainly|largely|partly|partially|fully|directly|originally|initially) )*", StringComparison.Ordinal)
        .Replace("{ART}", "(?:the |a |an )?", StringComparison.Ordinal);
}
