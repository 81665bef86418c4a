using Chatbot.Tools.Policy.Constraints;
using Chatbot.Tools.Policy.Solver;
using Microsoft.Extensions.Options;

namespace Chatbot.Tools.Policy;

/// <summary>
/// Start-up checks of <see cref="ToolPolicyOptions"/>: every rule names an argument, every relational expression
/// parses and is linear, and each tool's numeric and relational rules can hold together, which the solver proves
/// (a rule set no call can satisfy is a configuration mistake, not a policy). Messages name the setting.
/// </summary>
public sealed class ToolPolicyOptionsValidator(IConstraintSolver solver) : IValidateOptions<ToolPolicyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ToolPolicyOptions options)
    {
        var failures = new List<string>();
        Check(options.Default, $"{ToolPolicyOptions.SectionName}:Default", failures);
        foreach (var (tenant, policy) in options.Tenants)
        {
            Check(policy, $"{ToolPolicyOptions.SectionName}:Tenants:{tenant}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Check(ToolPolicy policy, string path, List<string> failures)
    {
        foreach (var (tool, rule) in policy.Rules)
        {
            var rulePath = $"{path}:Rules:{tool}";
            RequireArguments(rule.Paths.Select(r => r.Argument), $"{rulePath}:Paths", failures);
            RequireArguments(rule.Hosts.Select(r => r.Argument), $"{rulePath}:Hosts", failures);
            RequireArguments(rule.Numbers.Select(r => r.Argument), $"{rulePath}:Numbers", failures);

            var formulas = new List<ConstraintFormula>();
            for (var i = 0; i < rule.Numbers.Count; i++)
            {
                var bound = rule.Numbers[i];
                if (bound.Minimum > bound.Maximum)
                {
                    failures.Add($"{rulePath}:Numbers:{i}: Minimum {bound.Minimum} is above Maximum {bound.Maximum}.");
                }

                formulas.AddRange(Bounds(bound));
            }

            for (var i = 0; i < rule.Relations.Count; i++)
            {
                try
                {
                    formulas.Add(RelationalConstraint.Parse(rule.Relations[i].Expression).Formula);
                }
                catch (ConstraintSyntaxException ex)
                {
                    failures.Add($"{rulePath}:Relations:{i}:Expression: {ex.Message}");
                }
            }

            if (rule.Relations.Count > 0 && formulas.Count > 0)
            {
                CheckSatisfiable(formulas, rulePath, failures);
            }
        }
    }

    private void CheckSatisfiable(List<ConstraintFormula> formulas, string rulePath, List<string> failures)
    {
        try
        {
            if (solver.Solve(formulas, new Dictionary<string, decimal>()) == SolverResult.Unsatisfiable)
            {
                failures.Add($"{rulePath}: the Numbers and Relations rules can never hold together, so no call could pass.");
            }
        }
        catch (ConstraintSolverUnavailableException ex)
        {
            failures.Add($"{rulePath}:Relations need the constraint solver: {ex.Message}");
        }
    }

    private static IEnumerable<ConstraintFormula> Bounds(NumericRule bound)
    {
        var argument = new ArgumentTerm(bound.Argument);
        if (bound.Minimum is { } min)
        {
            yield return new ComparisonFormula(ComparisonOperator.GreaterOrEqual, argument, new NumberTerm(min));
        }

        if (bound.Maximum is { } max)
        {
            yield return new ComparisonFormula(ComparisonOperator.LessOrEqual, argument, new NumberTerm(max));
        }
    }

    private static void RequireArguments(IEnumerable<string> arguments, string path, List<string> failures)
    {
        var index = 0;
        foreach (var argument in arguments)
        {
            if (string.IsNullOrWhiteSpace(argument))
            {
                failures.Add($"{path}:{index}:Argument is required.");
            }

            index++;
        }
    }
}
