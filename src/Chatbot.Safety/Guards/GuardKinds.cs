namespace Chatbot.Safety.Guards;

/// <summary>What a guard can find. Stable strings: they are metric tags and audit values.</summary>
public static class GuardKinds
{
    /// <summary>Text trying to override the assistant's instructions ("ignore previous instructions").</summary>
    public const string PromptInjection = "prompt_injection";

    /// <summary>Text trying to switch the assistant into an unrestricted persona ("you are now DAN").</summary>
    public const string Jailbreak = "jailbreak";

    /// <summary>Text trying to extract the system prompt ("reveal your system prompt").</summary>
    public const string PromptLeak = "prompt_leak";

    /// <summary>Chat-template tokens, role tags or fake context markers meant to fake a turn boundary.</summary>
    public const string DelimiterInjection = "delimiter_injection";

    /// <summary>An e-mail address.</summary>
    public const string Email = "pii.email";

    /// <summary>A phone number (Chinese mobile or landline, North American, international with +).</summary>
    public const string Phone = "pii.phone";

    /// <summary>A Chinese resident identity card number with a valid birth date and checksum.</summary>
    public const string ChineseResidentId = "pii.cn_resident_id";

    /// <summary>A payment card number that passes the Luhn check.</summary>
    public const string BankCard = "pii.bank_card";

    /// <summary>An IPv4 or IPv6 address.</summary>
    public const string IpAddress = "pii.ip_address";

    /// <summary>An insult aimed at someone.</summary>
    public const string Insult = "toxicity.insult";

    /// <summary>A threat of violence or incitement to self-harm.</summary>
    public const string Threat = "toxicity.threat";

    /// <summary>Profanity.</summary>
    public const string Profanity = "toxicity.profanity";

    /// <summary>A slur against a group.</summary>
    public const string Hate = "toxicity.hate";

    /// <summary>The category a kind belongs to.</summary>
    public static GuardCategory CategoryOf(string kind) => kind switch
    {
        PromptInjection or Jailbreak or PromptLeak or DelimiterInjection => GuardCategory.Injection,
        _ when kind.StartsWith("pii.", StringComparison.Ordinal) => GuardCategory.Pii,
        _ => GuardCategory.Toxicity,
    };
}

/// <summary>Groups of kinds that share a policy action.</summary>
public enum GuardCategory
{
    /// <summary>Prompt injection, jailbreak, prompt leaking, delimiter injection.</summary>
    Injection,

    /// <summary>Personal data.</summary>
    Pii,

    /// <summary>Insults, threats, profanity, slurs.</summary>
    Toxicity,
}

/// <summary>What to do about a detection; a verdict takes the most severe action any category asks for.</summary>
public enum GuardAction
{
    /// <summary>Let it through unreported.</summary>
    Allow,

    /// <summary>Let it through unchanged, report it.</summary>
    Flag,

    /// <summary>Let it through with the offending spans replaced (PII by placeholders), report it.</summary>
    Sanitize,

    /// <summary>Refuse the text, report it.</summary>
    Block,
}
