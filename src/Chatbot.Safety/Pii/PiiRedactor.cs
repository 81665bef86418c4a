using System.Text;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Pii;

/// <summary>Replaces findings in a text by placeholders such as <c>[EMAIL]</c>. Stateless and thread-safe.</summary>
public static class PiiRedactor
{
    /// <summary>The placeholder that replaces a finding of <paramref name="kind"/>.</summary>
    public static string Placeholder(string kind) => kind switch
    {
        GuardKinds.Email => "[EMAIL]",
        GuardKinds.Phone => "[PHONE]",
        GuardKinds.ChineseResidentId => "[CN_ID]",
        GuardKinds.BankCard => "[BANK_CARD]",
        GuardKinds.IpAddress => "[IP]",
        _ => "[REDACTED]",
    };

    /// <summary>
    /// <paramref name="text"/> with each span in <paramref name="findings"/> replaced by <paramref name="replacement"/>
    /// (default: the kind's placeholder). Overlapping findings are merged into the first.
    /// </summary>
    public static string Redact(string text, IEnumerable<GuardFinding> findings, Func<GuardFinding, string>? replacement = null)
    {
        replacement ??= f => Placeholder(f.Kind);
        var result = new StringBuilder(text.Length);
        var next = 0;
        foreach (var finding in findings.OrderBy(f => f.Span.Start))
        {
            if (finding.Span.Start < next)
            {
                continue;
            }

            result.Append(text, next, finding.Span.Start - next).Append(replacement(finding));
            next = finding.Span.End;
        }

        return result.Append(text, next, text.Length - next).ToString();
    }
}
