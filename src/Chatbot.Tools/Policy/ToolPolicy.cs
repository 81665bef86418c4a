namespace Chatbot.Tools.Policy;

/// <summary>
/// What one tenant's agents may do with tools: which tools they may call and, per tool, constraints on the
/// arguments. Checked by <see cref="ToolPolicyEvaluator"/> before every call. Bound from configuration
/// (<see cref="ToolPolicyOptions"/>); treat an instance as read-only once it is in use.
/// </summary>
public sealed class ToolPolicy
{
    /// <summary>Wildcard entry of <see cref="AllowedTools"/> that allows every registered tool.</summary>
    public const string AnyTool = "*";

    /// <summary>Names of the tools the tenant may call, or <c>*</c> for all. Empty (the default) allows none.</summary>
    public List<string> AllowedTools { get; set; } = [];

    /// <summary>Argument constraints per tool name; a tool without an entry is constrained by its own options only.</summary>
    public Dictionary<string, ToolRule> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="toolName"/> is listed in <see cref="AllowedTools"/> (or <c>*</c> is).</summary>
    public bool AllowsTool(string toolName) =>
        AllowedTools.Contains(AnyTool, StringComparer.Ordinal) || AllowedTools.Contains(toolName, StringComparer.Ordinal);
}

/// <summary>Argument constraints of one tool; every listed constraint must hold for a call to be allowed.</summary>
public sealed class ToolRule
{
    /// <summary>Constraints on path arguments (allowed and denied prefixes).</summary>
    public List<PathRule> Paths { get; set; } = [];

    /// <summary>Constraints on URL or host arguments (allowed and denied hosts).</summary>
    public List<HostRule> Hosts { get; set; } = [];

    /// <summary>Bounds on numeric arguments, e.g. <c>amount</c> at most 500 or <c>max_rows</c> at most 100.</summary>
    public List<NumericRule> Numbers { get; set; } = [];

    /// <summary>Constraints relating several arguments, decided by the constraint solver.</summary>
    public List<RelationRule> Relations { get; set; } = [];
}

/// <summary>
/// Where a path argument may point. Paths compare segment by segment after normalisation (<c>\</c> becomes
/// <c>/</c>, <c>.</c> segments and leading <c>/</c> or <c>./</c> are dropped), case-sensitively; a path with a
/// <c>..</c> segment is always denied. A denied prefix wins over an allowed one.
/// </summary>
public sealed class PathRule
{
    /// <summary>Argument holding the path (top level, or dotted for nested objects). Default <c>path</c>.</summary>
    public string Argument { get; set; } = "path";

    /// <summary>When not empty, the path must lie under one of these prefixes (<c>""</c> or <c>.</c> is the whole root).</summary>
    public List<string> AllowedPrefixes { get; set; } = [];

    /// <summary>The path must not lie under any of these prefixes.</summary>
    public List<string> DeniedPrefixes { get; set; } = [];
}

/// <summary>
/// Which hosts a URL (or bare host name) argument may name. Entries are host names, case-insensitive;
/// <c>*.example.com</c> matches every subdomain of example.com but not example.com itself. A denied host wins.
/// </summary>
public sealed class HostRule
{
    /// <summary>Argument holding the URL or host. Default <c>url</c>.</summary>
    public string Argument { get; set; } = "url";

    /// <summary>When not empty, the host must match one of these.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The host must match none of these.</summary>
    public List<string> DeniedHosts { get; set; } = [];
}

/// <summary>Inclusive bounds on one numeric argument.</summary>
public sealed class NumericRule
{
    /// <summary>Argument holding the number.</summary>
    public string Argument { get; set; } = "";

    /// <summary>Smallest allowed value; none when null.</summary>
    public decimal? Minimum { get; set; }

    /// <summary>Largest allowed value; none when null.</summary>
    public decimal? Maximum { get; set; }

    /// <summary>When true a call without the argument is denied; otherwise the bound applies only when it is present.</summary>
    public bool Required { get; set; }
}

/// <summary>
/// A constraint over several arguments in linear arithmetic, e.g. <c>refund_amount &lt;= order_total * 0.5</c> or
/// <c>start_date &lt; end_date</c>; see <see cref="Constraints.RelationalConstraint"/> for the syntax. Every argument it names
/// must be present and numeric (or an ISO-8601 date, counted in days since 1970-01-01 UTC), otherwise the call is denied.
/// </summary>
public sealed class RelationRule
{
    /// <summary>Name shown in denial reasons; defaults to the expression.</summary>
    public string? Name { get; set; }

    /// <summary>The constraint, e.g. <c>refund_amount &lt;= order_total * 0.5</c>.</summary>
    public string Expression { get; set; } = "";
}
