using Chatbot.Tools.Policy.Constraints;
using Chatbot.Tools.Policy.Solver;
using Xunit;

namespace Chatbot.Tools.Tests.Policy;

public sealed class Z3ConstraintSolverTests
{
    private readonly Z3ConstraintSolver _solver = new();

    [Fact]
    public void Version_SystemLibrary_Loads()
    {
        Assert.Matches(@"^4\.\d+\.\d+\.\d+$", Z3ConstraintSolver.Version);
    }

    [Fact]
    public void Solve_NegatedConstraintWithValuesThatSatisfyIt_IsUnsatisfiable()
    {
        var constraint = RelationalConstraint.Parse("refund_amount <= order_total * 0.5");

        var result = _solver.Solve([new NotFormula(constraint.Formula)], Values(("refund_amount", 250m), ("order_total", 500m)));

        Assert.Equal(SolverResult.Unsatisfiable, result);
    }

    [Fact]
    public void Solve_NegatedConstraintWithValuesThatBreakIt_IsSatisfiable()
    {
        var constraint = RelationalConstraint.Parse("refund_amount <= order_total * 0.5");

        var result = _solver.Solve([new NotFormula(constraint.Formula)], Values(("refund_amount", 250.01m), ("order_total", 500m)));

        Assert.Equal(SolverResult.Satisfiable, result);
    }

    [Fact]
    public void Solve_DecimalsAreExact_NoBinaryRounding()
    {
        // 0.1 + 0.2 == 0.3 is false in doubles; Z3 reads the decimals as rationals.
        var constraint = RelationalConstraint.Parse("a + b == c");

        var result = _solver.Solve([new NotFormula(constraint.Formula)], Values(("a", 0.1m), ("b", 0.2m), ("c", 0.3m)));

        Assert.Equal(SolverResult.Unsatisfiable, result);
    }

    [Fact]
    public void Solve_ContradictoryConstraints_AreUnsatisfiable()
    {
        var formulas = new[] { "amount > 500", "amount <= order_total * 0.5", "order_total <= 800" }
            .Select(e => RelationalConstraint.Parse(e).Formula).ToList();

        Assert.Equal(SolverResult.Unsatisfiable, _solver.Solve(formulas, Values()));
    }

    [Fact]
    public void Solve_CompatibleConstraints_AreSatisfiable()
    {
        var formulas = new[] { "amount > 500", "amount <= order_total * 0.5", "not (order_total > 5000) or amount < 100" }
            .Select(e => RelationalConstraint.Parse(e).Formula).ToList();

        Assert.Equal(SolverResult.Satisfiable, _solver.Solve(formulas, Values()));
    }

    [Fact]
    public void Solve_ManyThreadsAtOnce_EachGetsItsOwnContext()
    {
        var constraint = RelationalConstraint.Parse("x < y");

        var results = Enumerable.Range(0, 64).AsParallel().Select(i =>
            _solver.Solve([new NotFormula(constraint.Formula)], Values(("x", i), ("y", i % 2 == 0 ? i + 1 : i - 1)))).ToList();

        Assert.Equal(32, results.Count(r => r == SolverResult.Unsatisfiable));
        Assert.Equal(32, results.Count(r => r == SolverResult.Satisfiable));
    }

    private static Dictionary<string, decimal> Values(params (string Name, decimal Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
