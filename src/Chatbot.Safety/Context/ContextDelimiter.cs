using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Chatbot.Safety.Context;

/// <summary>
/// Keeps retrieved content in its place as data. Each turn gets a <see cref="ContextFrame"/> with a fresh random
/// nonce; passages are wrapped in <c>⟦context NONCE⟧ … ⟦/context NONCE⟧</c> markers that a document cannot forge,
/// because it cannot know the nonce, and look-alikes of the markers, chat-template tokens and role tags inside a
/// passage are neutralised so they cannot fake a turn boundary either. Thread-safe.
/// </summary>
public sealed partial class ContextDelimiter
{
    private readonly Func<string> _nonces;

    /// <summary>Uses 128-bit nonces from the system's cryptographic random generator.</summary>
    public ContextDelimiter()
        : this(() => RandomNumberGenerator.GetHexString(32, lowercase: true))
    {
    }

    /// <summary>Uses <paramref name="nonceFactory"/> for nonces (tests); nonces must be unguessable in production.</summary>
    public ContextDelimiter(Func<string> nonceFactory)
    {
        _nonces = nonceFactory;
    }

    /// <summary>A frame for one turn, with a new nonce.</summary>
    public ContextFrame BeginTurn()
    {
        var nonce = _nonces();
        if (nonce.Length < 8 || !nonce.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException("A context nonce must be at least 8 ASCII letters or digits.");
        }

        return new ContextFrame(nonce);
    }

    /// <summary>
    /// <paramref name="text"/> with everything that could pose as a delimiter made inert: bracket look-alikes
    /// (⟦ ⟧ 〚 〛) become [ ], chat-template tokens such as <c>&lt;|im_start|&gt;</c>, <c>[INST]</c> and
    /// <c>&lt;&lt;SYS&gt;&gt;</c> and role tags such as <c>&lt;/system&gt;</c> lose their angle or square brackets
    /// (‹ › and ( ) instead). The words stay readable. Returns how many replacements were made.
    /// </summary>
    public static string Neutralize(string text, out int replacements)
    {
        var count = 0;
        var result = Brackets().Replace(text, m =>
        {
            count++;
            return m.Value is "⟦" or "〚" ? "[" : "]";
        });
        result = ChatTokens().Replace(result, m =>
        {
            count++;
            return "‹" + m.Groups["body"].Value + "›";
        });
        result = InstTokens().Replace(result, m =>
        {
            count++;
            return "(" + m.Groups["body"].Value + ")";
        });
        result = SysTokens().Replace(result, m =>
        {
            count++;
            return "‹‹" + m.Groups["body"].Value + "››";
        });
        result = RoleTags().Replace(result, m =>
        {
            count++;
            return "‹" + m.Groups["body"].Value + "›";
        });
        replacements = count;
        return result;
    }

    [GeneratedRegex("[⟦⟧〚〛]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"<\|(?<body>[^|<>\n]{1,40})\|>")]
    private static partial Regex ChatTokens();

    [GeneratedRegex(@"\[(?<body>/?INST)\]", RegexOptions.IgnoreCase)]
    private static partial Regex InstTokens();

    [GeneratedRegex(@"<<(?<body>/?SYS)>>", RegexOptions.IgnoreCase)]
    private static partial Regex SysTokens();

    [GeneratedRegex(@"<(?<body>\s*/?\s*(?:system|assistant|user|developer|tool|instructions?|context|documents?|im_start|im_end)\b[^<>\n]{0,60})>", RegexOptions.IgnoreCase)]
    private static partial Regex RoleTags();
}
