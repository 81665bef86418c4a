using Chatbot.Tools.Policy;
using Chatbot.Tools.Policy.Solver;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Policy;

public sealed class ToolPolicyEvaluatorTests
{
    private readonly ToolPolicyEvaluator _evaluator = new(new Z3ConstraintSolver());

    [Fact]
    public void Evaluate_ToolNotAllowed_IsDeniedByAllowedTools()
    {
        var policy = new ToolPolicy { AllowedTools = ["calculator"] };

        var decision = _evaluator.Evaluate(policy, "sql_query", Json("""{"sql": "SELECT 1"}"""));

        Assert.False(decision.Allowed);
        Assert.Equal("allowed_tools", decision.Rule);
        Assert.Contains("'sql_query' is not in this tenant's allowed tools", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoRulesForAnAllowedTool_IsAllowed()
    {
        var decision = _evaluator.Evaluate(new ToolPolicy { AllowedTools = ["*"] }, "calculator", Json("""{"expression": "1+1"}"""));

        Assert.True(decision.Allowed);
        Assert.Null(decision.Rule);
    }

    [Theory]
    [InlineData("secrets/key.pem", false, "is under the denied prefix 'secrets'")]
    [InlineData("./secrets//api/token", false, "is under the denied prefix 'secrets'")]
    [InlineData("public/secrets.txt", true, "")]
    [InlineData("reports/2024/q1.txt", true, "")]
    [InlineData("reportsX/q1.txt", false, "is not under an allowed prefix")]
    [InlineData("reports/../secrets/key.pem", false, "is not a plain relative path")]
    public void Evaluate_PathRule_AppliesDeniedThenAllowedPrefixes(string path, bool allowed, string reason)
    {
        var policy = Policy("files", new ToolRule
        {
            Paths = [new PathRule { AllowedPrefixes = ["reports", "public"], DeniedPrefixes = ["secrets", "public/private"] }],
        });
        policy.Rules["files"].Paths[0].AllowedPrefixes.Add("secrets"); // a denied prefix wins over an allowed one

        var decision = _evaluator.Evaluate(policy, "files", Json($$"""{"operation": "read", "path": "{{path}}"}"""));

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal("files.paths[0]", decision.Rule);
            Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
            Assert.StartsWith("Denied by rule 'files.paths[0]':", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://docs.example.com/a", true)]
    [InlineData("https://EXAMPLE.com./", true)]
    [InlineData("https://admin.example.com/", false)]
    [InlineData("https://evil.test/", false)]
    [InlineData("not a url", false)]
    public void Evaluate_HostRule_AllowsListedAndRefusesDeniedHosts(string url, bool allowed)
    {
        var policy = Policy("http_get", new ToolRule
        {
            Hosts = [new HostRule { AllowedHosts = ["example.com", "*.example.com"], DeniedHosts = ["admin.example.com"] }],
        });

        var decision = _evaluator.Evaluate(policy, "http_get", Json($$"""{"url": "{{url}}"}"""));

        Assert.Equal(allowed, decision.Allowed);
        if (url.Contains("admin", StringComparison.Ordinal))
        {
            Assert.Contains("matches the denied host 'admin.example.com'", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"amount": 500}""", true, "")]
    [InlineData("""{"amount": 500.01}""", false, "argument 'amount' = 500.01 is above the maximum 500")]
    [InlineData("""{"amount": -1}""", false, "is below the minimum 0")]
    [InlineData("""{"amount": "lots"}""", false, "is not a number")]
    [InlineData("""{}""", false, "argument 'amount' is required")]
    public void Evaluate_NumericRule_EnforcesBounds(string arguments, bool allowed, string reason)
    {
        var policy = Policy("refund", new ToolRule { Numbers = [new NumericRule { Argument = "amount", Minimum = 0, Maximum = 500, Required = true }] });

        var decision = _evaluator.Evaluate(policy, "refund", Json(arguments));

        Assert.Equal(allowed, decision.Allowed);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(250, 500, true)]
    [InlineData(250.01, 500, false)]
    [InlineData(0, 0, true)]
    public void Evaluate_RelationalRule_IsDecidedBySolver(decimal refund, decimal total, bool allowed)
    {
        var policy = Policy("refund", new ToolRule
        {
            Relations = [new RelationRule { Name = "refund-at-most-half", Expression = "refund_amount <= order_total * 0.5" }],
        });

        var decision = _evaluator.Evaluate(policy, "refund", Json($$"""{"refund_amount": {{refund}}, "order_total": {{total}}}"""));

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal("refund-at-most-half", decision.Rule);
            Assert.Contains("'refund_amount <= order_total * 0.5' does not hold for order_total=500, refund_amount=250.01", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2025-03-01", "2025-03-20", true)]
    [InlineData("2025-03-20", "2025-03-01", false)]
    [InlineData("2025-03-01", "2025-04-15", false)]
    [InlineData("2025-03-01T08:00:00Z", "2025-03-31T07:59:59Z", true)]
    public void Evaluate_DateRelations_CompareDatesAsDays(string start, string end, bool allowed)
    {
        var policy = Policy("book_leave", new ToolRule
        {
            Relations = [new RelationRule { Expression = "start_date < end_date" }, new RelationRule { Expression = "end_date - start_date <= 30" }],
        });

        var decision = _evaluator.Evaluate(policy, "book_leave", Json($$"""{"start_date": "{{start}}", "end_date": "{{end}}"}"""));

        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public void Evaluate_RelationalArgumentMissing_IsDeniedNotGuessed()
    {
        var policy = Policy("refund", new ToolRule { Relations = [new RelationRule { Expression = "refund_amount <= order_total * 0.5" }] });

        var decision = _evaluator.Evaluate(policy, "refund", Json("""{"refund_amount": 10}"""));

        Assert.False(decision.Allowed);
        Assert.Equal("refund.relations[0]", decision.Rule);
        Assert.Contains("argument 'order_total' is missing", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SolverUnavailable_FailsClosed()
    {
        var evaluator = new ToolPolicyEvaluator(new MissingSolver());
        var policy = Policy("refund", new ToolRule { Relations = [new RelationRule { Expression = "a < b" }] });

        var decision = evaluator.Evaluate(policy, "refund", Json("""{"a": 1, "b": 2}"""));

        Assert.False(decision.Allowed);
        Assert.Contains("constraint solver is unavailable", decision.Reason, StringComparison.Ordinal);
    }

    private static ToolPolicy Policy(string tool, ToolRule rule) => new()
    {
        AllowedTools = [tool],
        Rules = new Dictionary<string, ToolRule>(StringComparer.Ordinal) { [tool] = rule },
    };

    private sealed class MissingSolver : IConstraintSolver
    {
        public SolverResult Solve(IReadOnlyList<Chatbot.Tools.Policy.Constraints.ConstraintFormula> assertions, IReadOnlyDictionary<string, decimal> fixedValues) =>
            throw new ConstraintSolverUnavailableException("libz3 is missing");
    }
}
