namespace Chatbot.AI.Providers.Embedded;

/// <summary>Recognises greetings and small talk so the embedded provider can answer them briefly, in the user's language.</summary>
internal static class SmallTalk
{
    private static readonly (string[] Patterns, string English, string Chinese)[] s_rules =
    [
        (["hello", "hi", "hey", "good morning", "good afternoon", "good evening", "greetings", "你好", "您好", "嗨", "哈喽", "早上好", "晚上好"],
            "Hello! I answer questions from your organisation's knowledge bases. What would you like to know?",
            "你好！我根据贵组织的知识库回答问题。请问有什么可以帮您？"),
        (["thanks", "thank you", "thx", "谢谢", "多谢", "感谢"],
            "You're welcome!",
            "不客气！"),
        (["bye", "goodbye", "see you", "再见", "拜拜"],
            "Goodbye!",
            "再见！"),
        (["how are you", "你好吗", "最近怎么样"],
            "I'm fine, thank you. How can I help?",
            "我很好，谢谢。有什么可以帮您？"),
        (["who are you", "what are you", "你是谁", "你是什么"],
            "I'm an assistant that answers from your organisation's documents and cites its sources.",
            "我是一个根据贵组织文档回答问题并注明出处的助手。"),
    ];

    /// <summary>The brief reply to <paramref name="text"/> when it is small talk; otherwise null.</summary>
    public static string? Reply(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        // The longest matching pattern wins: "你好吗" is "how are you", not the greeting "你好".
        var chinese = normalized.Any(IsIdeograph);
        string? reply = null;
        var matched = 0;
        foreach (var (patterns, english, zh) in s_rules)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Length > matched
                    && (normalized == pattern || (normalized.StartsWith(pattern, StringComparison.Ordinal) && IsShortTail(normalized, pattern))))
                {
                    reply = chinese ? zh : english;
                    matched = pattern.Length;
                }
            }
        }

        return reply;
    }

    // "hello there", "hi bot", "thanks a lot": the greeting plus at most two short words is still small talk.
    private static bool IsShortTail(string normalized, string pattern)
    {
        var tail = normalized[pattern.Length..];
        if (pattern.Any(IsIdeograph))
        {
            return tail.Length <= 4;
        }

        return tail.StartsWith(' ') && tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
    }

    private static string Normalize(string text)
    {
        var chars = text.Trim().ToLowerInvariant()
            .Select(c => char.IsLetterOrDigit(c) || c == '\'' || IsIdeograph(c) && !char.IsPunctuation(c) ? c : ' ')
            .ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsIdeograph(char c) => Chat.TokenEstimator.IsCjk(c) && !char.IsPunctuation(c) && !char.IsWhiteSpace(c);
}
