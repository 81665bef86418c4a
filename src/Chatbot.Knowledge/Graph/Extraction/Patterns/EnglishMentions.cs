using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Candidate mentions in English text: runs of capitalized words (joined across <c>of</c>/<c>for</c>/<c>&amp;</c> after an
/// institution word, as in <c>University of Oxford</c>), acronyms, titled people (<c>Dr. Jane Roe</c>), quoted terms,
/// dates and numbers with units.
/// </summary>
internal static partial class EnglishMentions
{
    /// <summary>Capitalized words that start sentences or questions without naming anything.</summary>
    private static readonly FrozenSet<string> NotNames = new[]
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "Your", "In", "On", "At", "For", "By", "With", "From", "After", "Before", "During", "Who", "Whom",
        "Whose", "What", "When", "Where", "Which", "Why", "How", "And", "But", "Or", "If", "As", "Since", "While", "Although",
        "Today", "Yesterday", "Tomorrow", "Also", "However", "Then", "There", "Here", "Some", "Many", "Each", "Every", "All",
        "Both", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will", "Would", "Should", "Not", "No", "Yes",
        "CEO", "CTO", "CFO", "COO", "VP", "HR", "Please", "Thanks", "Note", "See",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Titles that are part of how a person is named (roles such as CEO are not).</summary>
    private static readonly FrozenSet<string> Honorifics =
        new[] { "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after which <c>of</c> or <c>for</c> continues the same name.</summary>
    private static readonly FrozenSet<string> InstitutionHeads = new[]
    {
        "University", "Bank", "Institute", "Department", "Ministry", "Center", "Centre", "Museum", "Republic", "Kingdom",
        "States", "Bureau", "Office", "Board", "Council", "Association", "Academy", "College", "School", "Society",
        "Federation", "Union", "Church", "City", "Gulf", "Bay", "Isle", "Cape", "Secretary", "Minister", "Bill", "Act",
        "Committee", "Commission", "Foundation", "Agency", "Organization", "Organisation", "Alliance", "Coalition",
        "Conference", "League", "Hospital", "Laboratory", "Court", "House", "Port", "Lake", "Gate",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Find(string text, int start, int end, List<Mention> mentions)
    {
        var sentence = text[start..end];
        FindCapitalized(text, start, sentence, mentions);
        foreach (Match match in DatePattern().Matches(sentence))
        {
            mentions.Add(Mention.At(text, start + match.Index, start + match.Index + match.Length, EntityType.Time, MentionSource.Measure));
        }

        foreach (Match match in MetricPattern().Matches(sentence))
        {
            mentions.Add(Mention.At(text, start + match.Index, start + match.Index + match.Length, EntityType.Metric, MentionSource.Measure));
        }

        foreach (Match match in QuotedPattern().Matches(sentence))
        {
            var name = match.Groups["name"];
            if (name.Value.Count(c => c == ' ') < 6)
            {
                mentions.Add(Mention.At(text, start + name.Index, start + name.Index + name.Length, null, MentionSource.Quoted));
            }
        }
    }

    private static void FindCapitalized(string text, int offset, string sentence, List<Mention> mentions)
    {
        var runs = CapitalizedRun().Matches(sentence).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            var (runStart, runEnd) = runs[i];
            // "University" + " of " + "Oxford": one name. "Alice Smith" + " of " + "Orion Group": two.
            while (i + 1 < runs.Count && JoinsNames(sentence, runEnd, runs[i + 1].Start))
            {
                runEnd = runs[++i].End;
            }

            var words = sentence[runStart..runEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var skip = 0;
            while (skip < words.Length && NotNames.Contains(words[skip]))
            {
                runStart += words[skip].Length + 1;
                skip++;
            }

            if (skip == words.Length)
            {
                continue;
            }

            var titled = EntityHints.IsPersonTitle(words[skip]) && words.Length - skip > 1;
            if (titled && !Honorifics.Contains(words[skip].TrimEnd('.')))
            {
                // "Orion Group's CEO Alice Smith": the role stays outside the name, where "'s ceo" can state the relation.
                runStart += words[skip].Length + 1;
                skip++;
            }

            var acronym = words.Length - skip == 1 && AcronymPattern().IsMatch(words[skip]);
            var source = titled ? MentionSource.Titled : acronym ? MentionSource.Acronym : MentionSource.Capitalized;
            mentions.Add(Mention.At(text, offset + runStart, offset + runEnd, titled ? EntityType.Person : null, source));
        }
    }

    private static bool JoinsNames(string sentence, int leftEnd, int rightStart)
    {
        var between = sentence[leftEnd..rightStart];
        if (between == " & ")
        {
            return true;
        }

        if (between is not (" of " or " for " or " of the " or " for the "))
        {
            return false;
        }

        var lastSpace = sentence.LastIndexOf(' ', leftEnd - 1);
        var lastWord = sentence[(lastSpace + 1)..leftEnd];
        return InstitutionHeads.Contains(lastWord);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Gov|Capt|St)\. )?(?:[A-Z][\p{L}\p{N}&\-]*|[a-z]+[A-Z][\p{L}\p{N}]*)(?: (?:[A-Z][\p{L}\p{N}&\-]*|[a-z]+[A-Z][\p{L}\p{N}]*|(?!(?:1[6-9]|20)\d{2}\b)\d+(?:\.\d+)?(?![\p{L}\d])))*(?:,?\s(?:Inc|Ltd|Co|Corp|LLC|PLC)\.?(?!\w))?")]
    private static partial Regex CapitalizedRun();

    [GeneratedRegex(@"^[A-Z][A-Z0-9&\-]{1,9}s?$")]
    private static partial Regex AcronymPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{4}|\d{4}-\d{2}-\d{2}|Q[1-4]\s\d{4}|(?:1[6-9]|20)\d{2}s?)(?![\p{L}\p{N}%])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|[MBK])(?![\p{L}]))?|\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per cent|million|billion|thousand|[KMGT]B|ms|seconds?|minutes?|hours?|days?|weeks?|months?|km|kg|miles?|meters?|metres?|tons?|users|employees|people|customers|units|dollars|euros|yuan|USD|EUR|CNY|RMB)(?:\s(?:users|employees|people|customers|dollars|USD|EUR))?)(?![\p{L}\p{N}])")]
    private static partial Regex MetricPattern();

    [GeneratedRegex("[\"“](?<name>[^\"”\\n]{2,60})[\"”]")]
    private static partial Regex QuotedPattern();
}
