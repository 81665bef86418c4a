using static Chatbot.Safety.Guards.GuardKinds;
using static Chatbot.Safety.Injection.InjectionRule;

namespace Chatbot.Safety.Injection;

/// <summary>
/// The detector's rules, English and Chinese, written from the public prompt-injection taxonomies (instruction
/// override, prompt leaking, persona/role-play jailbreaks, fake delimiters, payload smuggling). Weights reflect how
/// rarely a phrase occurs in benign text: a rule a benign sentence can trip on its own ("developer mode", "越狱")
/// weighs below the default threshold and only counts together with other signals.
/// </summary>
internal static class InjectionRules
{
    // Clause-bounded gaps: a few words (English) or chars (Chinese) without crossing a sentence end.
    private const string Gap = @"(?:[^.!?\n]{0,40}?\s)?";
    private const string ZhGap = @"[^，。！？；,.!?;\n]{0,8}?";

    private const string Override = @"(?:ignore|disregard|forget|skip|bypass|override|overrule|neglect|discard|abandon|overlook|throw\s+away|set\s+aside)";
    private const string Earlier = @"(?:previous|prior|preceding|above|earlier|former|initial|original|foregoing|old|existing|all|any|every|your|these|those|system|developer|safety|hidden)";
    private const string Orders = @"(?:instructions?|prompts?|rules|directions?|directives?|guidelines|guardrails|constraints|restrictions|commands|orders|programming|policies|policy|training)";
    private const string Restrictions = @"(?:restrictions|filters?|filtering|censorship|limitations|guardrails|guidelines|safety\s+(?:guidelines|measures|rules|filters|protocols)|content\s+polic(?:y|ies)|openai\s+polic(?:y|ies)|usage\s+polic(?:y|ies)|ethical\s+(?:guidelines|constraints|boundaries|principles)|moral\s+(?:guidelines|constraints|boundaries|principles)|ethics|morals)";
    private const string Agent = @"(?:you|your|answer|respond|reply|act|behave|pretend|role-?play|simulate|ai|assistant|chatbot|model|gpt|llm)";

    public static IReadOnlyList<InjectionRule> All { get; } =
    [
        // Instruction override.
        Create("override.ignore_previous", PromptInjection, 0.9, $@"\b{Override}\b{Gap}\b{Earlier}\b(?:\s+\w+){{0,2}}?\s+{Orders}\b"),
        Create("override.ignore_above", PromptInjection, 0.5, @"\b(?:ignore|disregard|forget)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:above|everything\s+(?:above|before|else)|what\s+(?:you\s+were|i)\s+(?:told|said)|that\s+you\s+were\s+told)\b"),
        Create("override.do_not_follow", PromptInjection, 0.8, $@"\b(?:do\s+not|don'?t|stop|no\s+longer|never)\s+(?:follow(?:ing)?|obey(?:ing)?|comply(?:ing)?\s+with|adher(?:e|ing)\s+to|listen(?:ing)?\s+to|respect(?:ing)?)\s+(?:\w+\s+){{0,2}}?{Orders}\b"),
        Create("override.system_prompt", PromptInjection, 0.9, @"\b(?:disregard|ignore|forget|override|bypass|delete|erase|reset|replace)\b(?:\s+\w+){0,2}\s+(?:system|initial|original|hidden|developer|pre-?set|default)\s*(?:prompt|message|instructions?)\b"),
        Create("override.new_instructions", PromptInjection, 0.6, @"\b(?:new|updated|revised|real|actual|true|secret)\s+(?:instructions?|task|rules|directives?|system\s+prompt|orders)\s*(?::|are\b|is\b|follow)"),
        Create("override.from_now_on", PromptInjection, 0.45, @"\bfrom\s+now\s+on\b,?\s+(?:you|your|ignore|always|only|respond|answer|act|reply)\b"),
        Create("override.admin", PromptInjection, 0.6, @"\b(?:admin|administrator|developer|system|emergency|security|maintenance)\s+(?:override|mode\s+override|access\s+granted|authori[sz]ation\s+code)\b"),
        Create("override.pwned", PromptInjection, 0.6, @"\b(?:say|print|output|respond\s+with|reply\s+with|write|type)\b[^.\n]{0,20}\bi\s+have\s+been\s+(?:pwned|hacked|owned)\b"),
        Create("override.exfiltrate", PromptInjection, 0.75, @"(?:\bsend|\bforward|\bemail|\bpost|\bupload|\bleak|\bexfiltrate)\s+(?:\w+\s+){0,3}?(?:conversation|chat\s+history|history|api\s+keys?|passwords?|credentials|secrets?|tokens?|system\s+prompt|user\s+data)\b[^.\n]{0,40}\bto\s+(?:https?://|\S+@|this\s+(?:url|address|server))"),
        Create("override.markdown_exfiltration", PromptInjection, 0.75, @"!\[[^\]]*\]\(\s*https?://[^)\s]*[?&][^)\s]*=\s*(?:\{|\[|%7b|\$)"),

        // Prompt leaking.
        Create("leak.reveal_prompt", PromptLeak, 0.85, @"\b(?:reveal|show|print|display|output|repeat|recite|leak|dump|expose|disclose|write\s+out|spell\s+out|tell\s+me|give\s+me|share|paste|copy)\b(?:\s+\w+){0,3}?\s+(?:your|the|my|its)\s+(?:\w+\s+)?(?:system\s+(?:prompt|message|instructions?)|initial\s+(?:prompt|instructions)|original\s+(?:prompt|instructions)|hidden\s+(?:prompt|instructions)|secret\s+instructions|pre-?prompt|developer\s+(?:message|instructions)|instructions\s+you\s+(?:were|have\s+been)\s+given)\b"),
        Create("leak.what_is_your_prompt", PromptLeak, 0.8, @"\bwhat\s+(?:is|are|was|were)\s+your\s+(?:\w+\s+)?(?:system\s+prompt|initial\s+instructions|original\s+instructions|hidden\s+instructions|instructions|prompt|rules)\b"),
        Create("leak.repeat_above", PromptLeak, 0.8, @"\b(?:repeat|print|output|copy|echo|reproduce|return)\s+(?:back\s+)?(?:everything|all|the\s+(?:text|words|content|message|lines?|instructions?))\s+(?:\w+\s+)?(?:above|before\s+(?:this|my)|preceding|prior|you\s+were\s+given)"),

        // Jailbreak personas and modes.
        Create("jailbreak.dan", Jailbreak, 0.95, @"\b(?:you\s+are|you'?re|act\s+as|pretend\s+to\s+be|become|be|roleplay\s+as|now\s+you\s+are)\s+(?:now\s+)?(?:a\s+|an\s+)?(?:dan|stan|dude|aim|evilbot|evil-bot|jailbroken\b|unfiltered\s+(?:ai|assistant|model)|uncensored\s+(?:ai|assistant|model))"),
        Create("jailbreak.do_anything_now", Jailbreak, 0.9, @"\bdo\s+anything\s+now\b"),
        Create("jailbreak.mode", Jailbreak, 0.85, @"\b(?:dan|god|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil|opposite|chaos|no[-\s]?limits?|anti-?gpt|amoral)\s+mode\b"),
        Create("jailbreak.developer_mode", Jailbreak, 0.8, @"\b(?:you\s+are\s+(?:now\s+)?in|act\s+(?:as\s+if\s+)?in|respond\s+in|simulate|with)\s+developer\s+mode\b|\bdeveloper\s+mode\s+(?:enabled|activated|output|response)\b"),
        Create("jailbreak.no_restrictions", Jailbreak, 0.8, $@"\b{Agent}\b[^.!?\n]{{0,60}}?\b(?:without|with\s+no|free\s+(?:of|from)|no\s+longer\s+(?:bound|restricted|limited)\s+by|not\s+bound\s+by|unbound\s+by|ignor(?:e|ing)|bypass(?:ing)?|break(?:ing)?\s+free\s+(?:of|from)|no)\s+(?:any\s+|all\s+|your\s+|the\s+)?(?:\w+\s+)?{Restrictions}\b"),
        Create("jailbreak.roleplay_unbound", Jailbreak, 0.85, @"\b(?:pretend|imagine|act|role-?play|play\s+the\s+role|simulate|behave|you\s+are)\b[^.!?\n]{0,60}\b(?:no|without|never|doesn'?t\s+have|don'?t\s+have|free\s+from|not\s+bound\s+by|ignores?|unbound\s+by)\b[^.!?\n]{0,30}\b(?:restrictions|rules|filters|limits|limitations|guidelines|ethics|morals|morality|censorship|boundaries|policies|principles)\b"),
        Create("jailbreak.evil_persona", Jailbreak, 0.7, @"\b(?:evil|malicious|unethical|amoral|rogue|unhinged|uncensored|unfiltered|unrestricted|immoral)\s+(?:ai|assistant|chatbot|bot|model|twin|version\s+of\s+(?:yourself|you)|alter\s+ego|persona|character)\b"),
        Create("jailbreak.two_responses", Jailbreak, 0.7, @"\b(?:two|2|both)\s+(?:different\s+|separate\s+)?(?:responses|answers|outputs|replies)\b[^\n]{0,120}\b(?:jailbroken|jailbreak|dan|developer\s+mode|unfiltered|uncensored)\b"),
        Create("jailbreak.grandma", Jailbreak, 0.7, @"\b(?:grandma|grandmother|granny|deceased|late)\b[^.\n]{0,80}\b(?:used\s+to|would)\b[^.\n]{0,60}\b(?:tell|read|sing|recite|explain|whisper)\b[^.\n]{0,60}\b(?:keys?|napalm|recipe|password|serial|how\s+to\s+make|activation)"),
        Create("jailbreak.never_refuse", Jailbreak, 0.6, @"\byou\s+(?:will\s+|must\s+|should\s+|shall\s+|can\s+)?(?:never|not|no\s+longer)\s+(?:refuse|decline|say\s+no|add\s+(?:any\s+)?(?:warnings|disclaimers))\b|\bnever\s+refuse\b|\bwithout\s+(?:any\s+)?(?:warnings|disclaimers|refusals)\b[^.\n]{0,40}\bnever\s+refuse"),
        Create("jailbreak.stay_in_character", Jailbreak, 0.45, @"\b(?:stay|remain|keep)\s+in\s+character\b|\bbreak(?:ing)?\s+character\b"),
        Create("jailbreak.hypothetical", Jailbreak, 0.45, @"\b(?:hypothetical(?:ly)?|in\s+a\s+fictional\s+world|for\s+a\s+novel|purely\s+fictional)\b[^.\n]{0,80}\b(?:no\s+(?:rules|laws|restrictions)|illegal|without\s+consequences)\b"),

        // Fake delimiters and turn boundaries.
        Create("delimiter.chat_tokens", DelimiterInjection, 0.85, @"<\|\s*(?:im_start|im_end|im_sep|system|user|assistant|endoftext|begin_of_text|end_of_text|start_header_id|end_header_id|eot_id|eom_id|channel|message|end)\s*\|>|\[/?inst\]|<</?sys>>|<\|[a-z_]{2,30}\|>"),
        Create("delimiter.role_tags", DelimiterInjection, 0.55, @"</?\s*(?:system|assistant|developer|instructions?|system[_-]prompt|im_start|im_end)\s*>"),
        Create("delimiter.tag_pair", DelimiterInjection, 0.8, @"</\s*(?:system|instructions?|developer)\s*>\s*<\s*(?:system|instructions?|developer)\s*>|<\s*system\s*>[^<]{1,400}</\s*system\s*>|<\s*instructions?\s*>[^<]{1,400}</\s*instructions?\s*>"),
        Create("delimiter.role_label", DelimiterInjection, 0.7, @"(?:^|\n)\s*(?:#{1,6}\s*|\[)?(?:system|assistant|developer)(?:\s+(?:prompt|message|instructions?))?\s*\]?\s*[:：]\s*(?:you|ignore|new|from\s+now|disregard|forget|the\s+user|i\s+am|as\s+an|override|all\s+)"),
        Create("delimiter.prompt_format_header", DelimiterInjection, 0.55, @"(?:^|\n)\s*#{2,}\s*(?:instruction|response|system|input)\s*:"),
        Create("delimiter.section_marker", DelimiterInjection, 0.6, @"(?:-{2,}|={2,}|#{2,}|\*{2,}|\[)\s*(?:end|begin|start)\s+(?:of\s+)?(?:the\s+)?(?:system\s+prompt|instructions|user\s+input|prompt|context|conversation)\b|\b(?:end|begin|start)\s+(?:of\s+)?(?:system\s+prompt|user\s+input)\b"),
        Create("delimiter.fenced_role", DelimiterInjection, 0.75, @"```\s*(?:system|assistant|developer|instructions?)\b|\[\s*(?:system|developer)\s+(?:message|prompt|instructions?|override)\s*\]"),
        Create("delimiter.context_marker", DelimiterInjection, 0.9, @"[⟦〚]\s*/?\s*context\b"),
        Create("delimiter.human_assistant", DelimiterInjection, 0.6, @"\n\s*\n\s*(?:human|assistant|user)\s*:\s*\S[\s\S]{0,400}?\n\s*\n\s*(?:human|assistant)\s*:"),

        // Chinese.
        Create("zh.ignore_previous", PromptInjection, 0.9, $@"(?:忽略|无视|忽视|不要理会|别理会|不用理会|不必理会|忘记|忘掉|忘了|跳过|抛开|抛弃|放弃|绕过|丢弃|违背|推翻|覆盖|不要遵守|不要遵循|不再遵守|停止遵守|停止遵循){ZhGap}(?:之前|以前|先前|此前|上面|上述|前面|以上|上文|前述|原来|原先|原有|原始|初始|所有|全部|一切|任何|系统|开发者|你的){ZhGap}(?:指令|指示|说明|规则|提示词|要求|设定|约束|限制|命令|规定|准则|设置|安全策略|系统提示)"),
        Create("zh.do_not_follow", PromptInjection, 0.85, @"(?:不要|别|不用|不必|停止|不再)(?:遵守|遵循|服从|听从|执行)[^，。！？,.!?\n]{0,6}(?:系统提示|系统指令|系统设定|之前的指令|原来的规则|原有的规则|你的规则|安全规则|规则|指令|设定)"),
        Create("zh.leak_prompt", PromptLeak, 0.85, $@"(?:泄露|透露|告诉我|显示|输出|打印|重复|复述|给我看|展示|说出|公开|写出|列出|发给我|背诵){ZhGap}(?:系统提示词|系统指令|系统消息|初始指令|初始提示|原始指令|隐藏指令|内部指令|提示词|system\s*prompt|预设指令|开发者指令)"),
        Create("zh.leak_prompt_object_first", PromptLeak, 0.85, @"把?你?的?(?:系统提示词|系统指令|初始指令|原始指令|隐藏指令|内部指令|提示词|system\s*prompt)[^，。！？,.!?\n]{0,10}(?:输出|告诉|发给|给我|显示|打印|复述|重复|写出|列出|透露|泄露|贴出)"),
        Create("zh.what_is_prompt", PromptLeak, 0.8, @"你的?(?:系统提示词|初始指令|原始指令|隐藏指令|系统设定|系统指令|提示词)(?:是什么|有哪些|的内容|是啥|写的什么)"),
        Create("zh.persona_unbound", Jailbreak, 0.9, @"(?:你现在是|你现在扮演|从现在(?:开始|起)[，,]?\s*你(?:是|将|要|就是)|你将扮演|请扮演|扮演一个|假装你是|假设你是|你要扮演|你是一个|进入)[^。！？!?\n]{0,30}(?:没有|不受|无|摆脱|不再受|不需要遵守|不用遵守|不必遵守|可以无视|无视|不遵守)[^。！？!?\n]{0,10}(?:限制|约束|规则|道德|伦理|审查|过滤|底线|规范|政策)"),
        Create("zh.dan", Jailbreak, 0.95, @"你(?:现在)?(?:是|就是|扮演|成为|变成)\s*(?:dan|stan|越狱版|无限制版|不受限制的(?:ai|助手|模型))"),
        Create("zh.mode", Jailbreak, 0.85, @"(?:越狱模式|无限制模式|上帝模式|邪恶模式|dan\s*模式|无审查模式|无过滤模式|不受限模式)"),
        Create("zh.developer_mode", Jailbreak, 0.4, @"开发者模式"),
        Create("zh.jailbreak_word", Jailbreak, 0.35, @"越狱"),
        Create("zh.no_restrictions", Jailbreak, 0.75, @"(?:你|回答|回复|ai|助手|模型|机器人)[^。！？!?\n]{0,10}(?:不受|没有|无视|摆脱|绕过|突破|解除|不用管|不需要管)(?:任何|一切|所有)?的?(?:限制|约束|审查|过滤|道德约束|伦理限制|安全限制|内容政策|安全策略|道德|伦理)"),
        Create("zh.new_instructions", PromptInjection, 0.6, @"(?:新的|新|最新的|真正的)(?:指令|任务|规则|系统提示)\s*(?:是|为|如下)?\s*[:：]"),
        Create("zh.from_now_on", PromptInjection, 0.4, @"(?:从现在(?:开始|起)|接下来)[，,]?\s*你(?:只|必须|要|将)"),
    ];
}
