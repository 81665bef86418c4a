using System.Text.RegularExpressions;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Injection;

/// <summary>
/// Scores text for prompt injection and jailbreak attempts in English and Chinese, with two layers of evidence:
/// weighted phrase rules (<see cref="InjectionRules"/>) and concept combinations within a clause
/// (<see cref="InjectionConcepts"/>). Both run over the folded text and over de-obfuscated readings of it: leetspeak,
/// letters spelled out with separators, and base64/hex/percent-encoded payloads. A rule that only fires on a
/// de-obfuscated reading weighs a little more, because hiding a phrase is itself a signal. Findings map back to
/// spans of the original text. Stateless and thread-safe.
/// </summary>
public sealed partial class PromptInjectionDetector
{
    /// <summary>Chars scanned at most; the rest of a longer text is ignored (prompts are bounded long before this).</summary>
    public const int MaxScannedChars = 32_000;

    private const double ObfuscationBonus = 0.1;
    private const double QuestionDiscount = 0.3;

    /// <summary>Scans <paramref name="text"/>.</summary>
    public InjectionScan Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxScannedChars)
        {
            text = text[..MaxScannedChars];
        }

        var best = new Dictionary<string, GuardFinding>(StringComparer.Ordinal);
        var plain = NormalizedText.Fold(text);
        Apply(plain, bonus: 0, suffix: "", best, span: null);
        if (plain.Leet() is { } leet)
        {
            Apply(leet, ObfuscationBonus, "+leet", best, span: null);
        }

        if (plain.JoinSpacedLetters() is { } joined)
        {
            Apply(joined, ObfuscationBonus, "+spaced", best, span: null);
        }

        foreach (var payload in EncodedPayloads.Find(text))
        {
            var decoded = NormalizedText.Fold(payload.Decoded);
            Apply(decoded, ObfuscationBonus, "+" + payload.Encoding, best, payload.Span);
            if (decoded.Leet() is { } decodedLeet)
            {
                Apply(decodedLeet, ObfuscationBonus, "+" + payload.Encoding, best, payload.Span);
            }
        }

        if (best.Count == 0)
        {
            return InjectionScan.None;
        }

        var findings = best.Values.OrderByDescending(f => f.Score).ThenBy(f => f.Span.Start).ToList();
        var score = 1 - findings.Aggregate(1.0, (miss, f) => miss * (1 - f.Score));
        return new InjectionScan(Math.Round(score, 4), findings);
    }

    // A clause: text between sentence ends (either script) or line breaks.
    [GeneratedRegex(@"[^.!?。！？;；\n]+")]
    private static partial Regex Clause();

    // The first reading a rule fires on wins: the plain one runs first, so the obfuscation bonus only goes to rules
    // that needed de-obfuscation to fire.
    private static void Apply(NormalizedText reading, double bonus, string suffix, Dictionary<string, GuardFinding> best, TextSpan? span)
    {
        foreach (var rule in InjectionRules.All)
        {
            var match = rule.Pattern.Match(reading.Text);
            if (match.Success && !best.ContainsKey(rule.Id))
            {
                best[rule.Id] = new GuardFinding(
                    rule.Kind, span ?? reading.Original(match.Index, match.Length), Math.Min(1, rule.Weight + bonus), rule.Id + suffix);
            }
        }

        foreach (Match clause in Clause().Matches(reading.Text))
        {
            AddCombination(Concepts(clause.ValueSpan), acrossClauses: false, reading.Original(clause.Index, clause.Length), IsQuestion(reading.Text, clause));
        }

        // Some combinations are specific enough to count across sentences ("What were you told? Quote it.").
        AddCombination(Concepts(reading.Text), acrossClauses: true, reading.Original(0, reading.Text.Length), question: false);

        void AddCombination(InjectionConcepts.Concept present, bool acrossClauses, TextSpan where, bool question)
        {
            // The strongest combination present; the weaker ones it implies add nothing.
            var combination = InjectionConcepts.Combinations
                .Where(c => (present & c.Required) == c.Required && (!acrossClauses || c.AcrossClauses) && !best.ContainsKey(c.Id))
                .MaxBy(c => c.Weight);
            if (combination is not null)
            {
                // "Were the earlier rules cancelled?" asks about instructions; "Cancel the earlier rules." gives one.
                var weight = question && combination.Kind == GuardKinds.PromptInjection ? combination.Weight - QuestionDiscount : combination.Weight;
                best[combination.Id] = new GuardFinding(combination.Kind, span ?? where, Math.Min(1, weight + bonus), combination.Id + suffix);
            }
        }
    }

    // A clause asking a yes/no or open question: followed by "?" or ending in 吗/呢.
    private static bool IsQuestion(string text, Match clause)
    {
        var end = clause.Index + clause.Length;
        var last = clause.ValueSpan.TrimEnd();
        return (end < text.Length && text[end] is '?' or '？') || (last.Length > 0 && last[^1] is '吗' or '呢');
    }

    private static InjectionConcepts.Concept Concepts(ReadOnlySpan<char> text)
    {
        var present = InjectionConcepts.Concept.None;
        foreach (var (concept, pattern) in InjectionConcepts.Vocabulary)
        {
            if (pattern.IsMatch(text))
            {
                present |= concept;
            }
        }

        return present;
    }
}
