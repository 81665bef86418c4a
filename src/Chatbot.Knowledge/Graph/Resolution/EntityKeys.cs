using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text;
using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Resolution;

/// <summary>
/// Surface normalisation of entity names and the ids derived from it. <c>Dr. Alice  Smith</c>, <c>alice smith</c> and
/// <c>ALICE SMITH</c> share the key <c>alice smith</c>; <c>Acme Co., Ltd.</c> and <c>Acme Inc</c> share <c>acme</c>;
/// <c>张伟博士</c> is <c>张伟</c>. Pure functions, thread-safe.
/// </summary>
public static class EntityKeys
{
    private static readonly FrozenSet<string> LeadingTitles = new[]
    {
        "the", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "lord", "lady", "president", "ceo", "cto",
        "cfo", "coo", "chairman", "chairwoman", "director",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CorporateSuffixes = new[]
    {
        "inc", "incorporated", "ltd", "limited", "co", "corp", "corporation", "llc", "plc", "gmbh", "ag", "sa", "company",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] ChineseTitles = ["先生", "女士", "小姐", "博士", "教授", "总裁", "总经理", "经理", "董事长", "主任", "老师"];

    private static readonly string[] ChineseCorporateSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "公司"];

    /// <summary>The normalised key of <paramref name="name"/> (without alias resolution).</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace("'s ", " ", StringComparison.Ordinal);
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        var tokens = new List<(RunKind Kind, string Text)>();
        foreach (var (kind, run) in ScriptRuns.Split(text.Replace("&", " and ", StringComparison.Ordinal)))
        {
            // "u.s." and "u s" become "us", as "US" does.
            if (kind == RunKind.Word && run.Length == 1 && tokens.Count > 0 && tokens[^1].Kind == RunKind.Word && tokens[^1].Text.Length == 1)
            {
                tokens[^1] = (kind, tokens[^1].Text + run);
                continue;
            }

            tokens.Add((kind, run));
        }

        while (tokens.Count > 1 && tokens[0].Kind == RunKind.Word && LeadingTitles.Contains(tokens[0].Text))
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 1 && tokens[^1].Kind == RunKind.Word && CorporateSuffixes.Contains(tokens[^1].Text))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count > 1 && tokens[^1].Kind == RunKind.Cjk && ChineseCorporateSuffixes.Contains(tokens[^1].Text))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        else if (tokens.Count > 0 && tokens[^1].Kind == RunKind.Cjk)
        {
            tokens[^1] = (RunKind.Cjk, StripSuffix(StripSuffix(tokens[^1].Text, ChineseTitles, 1), ChineseCorporateSuffixes, 2));
        }

        var key = new StringBuilder(text.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].Kind == RunKind.Word && tokens[i - 1].Kind == RunKind.Word)
            {
                key.Append(' ');
            }

            key.Append(tokens[i].Text);
        }

        return key.Length > 0 ? key.ToString() : text.Trim();
    }

    /// <summary>
    /// The stable id of an entity key: <c>ent_</c> and 16 hex digits of its XxHash64. Tenant-agnostic and the same in
    /// every process, so it can key the entity's graph partition.
    /// </summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[sizeof(ulong)];
        XxHash64.Hash(Encoding.UTF8.GetBytes(key), hash);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ent_{BinaryPrimitives.ReadUInt64BigEndian(hash):x16}");
    }

    private static string StripSuffix(string run, string[] suffixes, int minRemaining)
    {
        foreach (var suffix in suffixes)
        {
            if (run.Length - suffix.Length >= minRemaining && run.EndsWith(suffix, StringComparison.Ordinal))
            {
                return run[..^suffix.Length];
            }
        }

        return run;
    }
}
