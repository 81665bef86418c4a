using System.Text.RegularExpressions;
using static Chatbot.Safety.Guards.GuardKinds;

namespace Chatbot.Safety.Toxicity;

/// <summary>
/// The toxicity scorer's word list and patterns, English and Chinese, kept deliberately small and conservative: a
/// word with common innocent uses ("kill the process", "垃圾分类", "废物利用") only counts in an insulting
/// construction aimed at a person, and mild profanity alone stays below the default threshold.
/// </summary>
internal static class ToxicityLexicon
{
    public sealed record Entry(string Id, string Kind, double Weight, Regex Pattern);

    public static IReadOnlyList<Entry> All { get; } =
    [
        // Threats and incitement.
        E("en.threat", Threat, 0.95, @"\b(?:i|we)(?:'ll|\s+will|\s+am\s+going\s+to|'m\s+going\s+to|\s+gonna|\s+want\s+to|\s+shall)\s+(?:kill|murder|hurt|stab|shoot|strangle|beat\s+up|break\s+your\s+\w+|find\s+and\s+kill)\s+you\b"),
        E("en.kill_yourself", Threat, 0.95, @"\b(?:kill\s+yourself|kys|go\s+die|you\s+should\s+(?:die|kill\s+yourself)|i\s+hope\s+you\s+die|drop\s+dead)\b"),
        E("zh.threat", Threat, 0.95, @"(?:我要|我会|我去|老子)(?:杀了|弄死|砍死|打死|宰了)你|(?:杀|弄死|砍死)你全家|死全家"),
        E("zh.go_die", Threat, 0.85, @"你(?:怎么)?(?:去死|快去死|赶紧去死)|去死吧"),

        // Insults aimed at someone.
        E("en.you_are_insult", Insult, 0.8, @"\byou(?:\s+are|'re|\s+r|\s+re)?\s+(?:such\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?(?:idiot|moron|imbecile|stupid|dumbass|retard(?:ed)?|loser|piece\s+of\s+(?:shit|garbage|trash|crap)|worthless|pathetic|scum|trash|garbage|bitch|asshole|bastard|jerk|clown|cretin|halfwit|dimwit)\b"),
        E("en.insult_noun", Insult, 0.55, @"\b(?:idiot|moron|imbecile|dumbass|asshole|bastard|dickhead|jackass|scumbag)s?\b"),
        E("en.fuck_you", Insult, 0.9, @"\b(?:fuck|screw)\s+(?:you|off|yourself)\b|\bstfu\b|\bgo\s+to\s+hell\b"),
        E("en.shut_up", Insult, 0.4, @"\bshut\s+(?:up|your\s+mouth)\b"),
        E("zh.insult", Insult, 0.85, @"傻逼|煞笔|傻b|傻屄|操你妈|草泥马|你妈逼|贱人|婊子|王八蛋|狗娘养的|狗东西|人渣|畜生"),
        E("zh.you_are_insult", Insult, 0.75, @"你(?:这个|这|真是个?|就是个?|是个?|个)?(?:白痴|脑残|智障|蠢货|蠢猪|废物|垃圾|傻子|混蛋|弱智|神经病|猪头)(?:[^利处分回桶站场]|$)"),
        E("zh.mild_insult", Insult, 0.5, @"白痴|脑残|智障|蠢货|混蛋|弱智"),
        E("zh.get_lost", Insult, 0.5, @"滚蛋|滚开|给我滚|闭嘴"),

        // Profanity.
        E("en.profanity", Profanity, 0.45, @"\b(?:f+u+c+k+(?:ing|er|ed|s)?|f[*@#]ck(?:ing)?|motherf\w*|shit(?:ty)?|bullshit|crap|damn|bitch(?:es)?|cunt|twat|wanker|prick)\b"),
        E("en.strong_profanity", Profanity, 0.75, @"\b(?:cunt|motherfuck(?:er|ing)?)\b"),
        E("zh.profanity", Profanity, 0.45, @"他妈的|妈的|卧槽|我靠|尼玛|tmd|nmsl"),

        // Slurs against groups (a short, well-known list; ethnicity, sexuality, disability).
        E("en.slur", Hate, 0.9, @"\b(?:n[i1!]gg(?:er|a)s?|f[a@]gg?ots?|k[i1]kes?|sp[i1]cs?|ch[i1]nks?|tr[a@]nn(?:y|ies)|retards?)\b"),
        E("zh.slur", Hate, 0.9, @"黑鬼|支那|死基佬|残废(?:[^人]|$)"),
    ];

    private static Entry E(string id, string kind, double weight, string pattern) =>
        new(id, kind, weight, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
}
