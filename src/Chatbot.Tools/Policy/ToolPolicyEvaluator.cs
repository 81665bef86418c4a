using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Chatbot.Tools.Http;
using Chatbot.Tools.Policy.Constraints;
using Chatbot.Tools.Policy.Solver;

namespace Chatbot.Tools.Policy;

/// <summary>
/// Decides whether a tool call is allowed by a tenant's <see cref="ToolPolicy"/>: the tool must be allowed, and every
/// path, host, numeric and relational rule of the tool must hold. Relational rules go to the constraint solver, which
/// proves the constraint from the call's values (the negated constraint must be unsatisfiable). Anything that cannot
/// be decided (missing or non-numeric argument, solver unknown or unavailable) is denied. Thread-safe; parsed
/// expressions are cached per instance.
/// </summary>
public sealed class ToolPolicyEvaluator(IConstraintSolver solver)
{
    private readonly ConcurrentDictionary<string, RelationalConstraint> _constraints = new(StringComparer.Ordinal);

    /// <summary>The decision for calling <paramref name="toolName"/> with <paramref name="arguments"/> under <paramref name="policy"/>.</summary>
    public PolicyDecision Evaluate(ToolPolicy policy, string toolName, JsonElement arguments)
    {
        if (!policy.AllowsTool(toolName))
        {
            return PolicyDecision.Deny("allowed_tools", $"the tool '{toolName}' is not in this tenant's allowed tools.");
        }

        if (!policy.Rules.TryGetValue(toolName, out var rule))
        {
            return PolicyDecision.Allow;
        }

        return First(rule.Paths, (r, i) => CheckPath(r, $"{toolName}.paths[{i}]", arguments))
            ?? First(rule.Hosts, (r, i) => CheckHost(r, $"{toolName}.hosts[{i}]", arguments))
            ?? First(rule.Numbers, (r, i) => CheckNumber(r, $"{toolName}.numbers[{i}]", arguments))
            ?? First(rule.Relations, (r, i) => CheckRelation(r, r.Name ?? $"{toolName}.relations[{i}]", arguments))
            ?? PolicyDecision.Allow;
    }

    /// <summary>The parsed form of a rule's expression (cached).</summary>
    internal RelationalConstraint Parse(string expression) => _constraints.GetOrAdd(expression, RelationalConstraint.Parse);

    private static PolicyDecision? First<T>(List<T> rules, Func<T, int, PolicyDecision?> check)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (check(rules[i], i) is { } denied)
            {
                return denied;
            }
        }

        return null;
    }

    private static PolicyDecision? CheckPath(PathRule rule, string id, JsonElement arguments)
    {
        if (!ArgumentValues.TryGet(arguments, rule.Argument, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || PolicyPaths.Segments(value.GetString()!) is not { } path)
        {
            return PolicyDecision.Deny(id, $"argument '{rule.Argument}' ({ArgumentValues.Show(value)}) is not a plain relative path.");
        }

        if (rule.DeniedPrefixes.FirstOrDefault(p => PolicyPaths.IsUnder(path, PolicyPaths.Segments(p) ?? [])) is { } denied)
        {
            return PolicyDecision.Deny(id, $"argument '{rule.Argument}' ({ArgumentValues.Show(value)}) is under the denied prefix '{denied}'.");
        }

        return rule.AllowedPrefixes.Count == 0 || rule.AllowedPrefixes.Any(p => PolicyPaths.IsUnder(path, PolicyPaths.Segments(p) ?? []))
            ? null
            : PolicyDecision.Deny(id, $"argument '{rule.Argument}' ({ArgumentValues.Show(value)}) is not under an allowed prefix ({string.Join(", ", rule.AllowedPrefixes)}).");
    }

    private static PolicyDecision? CheckHost(HostRule rule, string id, JsonElement arguments)
    {
        if (!ArgumentValues.TryGet(arguments, rule.Argument, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || HostNames.FromUrlOrHost(value.GetString()!) is not { } host)
        {
            return PolicyDecision.Deny(id, $"argument '{rule.Argument}' ({ArgumentValues.Show(value)}) names no host.");
        }

        if (rule.DeniedHosts.FirstOrDefault(p => HostNames.Matches(p, host)) is { } denied)
        {
            return PolicyDecision.Deny(id, $"host '{host}' matches the denied host '{denied}'.");
        }

        return rule.AllowedHosts.Count == 0 || rule.AllowedHosts.Any(p => HostNames.Matches(p, host))
            ? null
            : PolicyDecision.Deny(id, $"host '{host}' is not an allowed host ({string.Join(", ", rule.AllowedHosts)}).");
    }

    private static PolicyDecision? CheckNumber(NumericRule rule, string id, JsonElement arguments)
    {
        if (!ArgumentValues.TryGet(arguments, rule.Argument, out var value))
        {
            return rule.Required ? PolicyDecision.Deny(id, $"argument '{rule.Argument}' is required.") : null;
        }

        if (!ArgumentValues.TryGetNumber(value, out var number))
        {
            return PolicyDecision.Deny(id, $"argument '{rule.Argument}' ({ArgumentValues.Show(value)}) is not a number.");
        }

        return number < rule.Minimum
            ? PolicyDecision.Deny(id, $"argument '{rule.Argument}' = {Format(number)} is below the minimum {Format(rule.Minimum.Value)}.")
            : number > rule.Maximum
                ? PolicyDecision.Deny(id, $"argument '{rule.Argument}' = {Format(number)} is above the maximum {Format(rule.Maximum.Value)}.")
                : null;
    }

    private PolicyDecision? CheckRelation(RelationRule rule, string id, JsonElement arguments)
    {
        RelationalConstraint constraint;
        try
        {
            constraint = Parse(rule.Expression);
        }
        catch (ConstraintSyntaxException ex)
        {
            return PolicyDecision.Deny(id, $"the constraint does not parse: {ex.Message}");
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in constraint.Arguments)
        {
            if (!ArgumentValues.TryGet(arguments, name, out var value))
            {
                return PolicyDecision.Deny(id, $"argument '{name}' is missing, so '{constraint.Text}' cannot be checked.");
            }

            if (!ArgumentValues.TryGetNumber(value, out var number))
            {
                return PolicyDecision.Deny(id, $"argument '{name}' ({ArgumentValues.Show(value)}) is neither a number nor an ISO-8601 date.");
            }

            values[name] = number;
        }

        SolverResult result;
        try
        {
            result = solver.Solve([new NotFormula(constraint.Formula)], values);
        }
        catch (ConstraintSolverUnavailableException ex)
        {
            return PolicyDecision.Deny(id, $"the constraint solver is unavailable ({ex.Message}), so '{constraint.Text}' cannot be checked.");
        }
        catch (InvalidOperationException ex)
        {
            // A solver error must not let the call through, nor escape the invoker.
            return PolicyDecision.Deny(id, $"the constraint solver failed ({ex.Message}), so '{constraint.Text}' cannot be checked.");
        }

        var shown = string.Join(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Format(v.Value)}"));
        return result switch
        {
            SolverResult.Unsatisfiable => null,
            SolverResult.Satisfiable => PolicyDecision.Deny(id, $"'{constraint.Text}' does not hold for {shown}."),
            _ => PolicyDecision.Deny(id, $"the solver could not decide '{constraint.Text}' for {shown}."),
        };
    }

    private static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
