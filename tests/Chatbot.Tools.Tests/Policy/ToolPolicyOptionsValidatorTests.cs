using Chatbot.Tools.Policy;
using Chatbot.Tools.Policy.Solver;
using Xunit;

namespace Chatbot.Tools.Tests.Policy;

public sealed class ToolPolicyOptionsValidatorTests
{
    private readonly ToolPolicyOptionsValidator _validator = new(new Z3ConstraintSolver());

    [Fact]
    public void Validate_SatisfiableRules_Succeeds()
    {
        var options = Options(new ToolRule
        {
            Numbers = [new NumericRule { Argument = "refund_amount", Maximum = 500 }],
            Relations = [new RelationRule { Expression = "refund_amount <= order_total * 0.5" }],
        });

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_RulesThatCanNeverHold_FailsNamingTheTool()
    {
        var options = Options(new ToolRule
        {
            Numbers = [new NumericRule { Argument = "refund_amount", Maximum = 100 }],
            Relations = [new RelationRule { Expression = "refund_amount > 200" }],
        });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Chatbot:Tools:Policy:Tenants:acme:Rules:refund: the Numbers and Relations rules can never hold together", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonLinearExpression_FailsNamingTheSetting()
    {
        var result = _validator.Validate(null, Options(new ToolRule { Relations = [new RelationRule { Expression = "a * b < 10" }] }));

        Assert.True(result.Failed);
        Assert.Contains("Chatbot:Tools:Policy:Tenants:acme:Rules:refund:Relations:0:Expression: Multiplying two arguments is not linear", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ToolPolicyOptions Options(ToolRule rule) => new()
    {
        Tenants = new Dictionary<string, ToolPolicy>(StringComparer.Ordinal)
        {
            ["acme"] = new ToolPolicy { AllowedTools = ["refund"], Rules = new Dictionary<string, ToolRule>(StringComparer.Ordinal) { ["refund"] = rule } },
        },
    };
}
