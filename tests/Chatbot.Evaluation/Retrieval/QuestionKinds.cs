using System.Text.RegularExpressions;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>
/// HotpotQA's two question kinds, derived from the data because the IRCoT subsample carries no <c>type</c> field:
/// a question is a <c>comparison</c> when its answer is yes/no, or when it offers a choice or asks about both
/// (<c> or </c>, <c>both</c>) and either names every supporting paragraph's title or is answered by one of those titles;
/// otherwise it is a <c>bridge</c> question, whose second paragraph is reached through an entity the question does not
/// name. On hotpotqa_dev500 this labels 271 bridge and 229 comparison questions. Pure.
/// </summary>
internal static partial class QuestionKinds
{
    public const string Bridge = "bridge";

    public const string Comparison = "comparison";

    /// <summary>The kind of <paramref name="query"/>, whose relevant documents have <paramref name="titles"/>.</summary>
    public static string Classify(BeirQuery query, IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(titles);
        var answers = (query.Answers ?? []).Select(a => a.Trim().ToLowerInvariant()).ToList();
        if (answers.Any(a => a is "yes" or "no"))
        {
            return Comparison;
        }

        var text = " " + query.Text.ToLowerInvariant() + " ";
        var names = titles.Select(Normalize).Where(t => t.Length > 0).ToList();
        var offersChoice = text.Contains(" or ", StringComparison.Ordinal) || text.Contains(" both ", StringComparison.Ordinal);
        var namesAll = names.Count > 0 && names.All(t => text.Contains(t, StringComparison.Ordinal));
        return offersChoice && (namesAll || answers.Any(names.Contains)) ? Comparison : Bridge;
    }

    // "Kiss and Tell (1945 film)" → "kiss and tell"
    private static string Normalize(string title) => Parenthesised().Replace(title, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s*\(.*?\)\s*")]
    private static partial Regex Parenthesised();
}
