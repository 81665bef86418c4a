using Chatbot.Tools.Policy.Constraints;
using Xunit;

namespace Chatbot.Tools.Tests.Policy;

public sealed class RelationalConstraintTests
{
    [Fact]
    public void Parse_LinearComparison_BuildsTermsAndListsArguments()
    {
        var constraint = RelationalConstraint.Parse("refund_amount <= order_total * 0.5");

        var comparison = Assert.IsType<ComparisonFormula>(constraint.Formula);
        Assert.Equal(ComparisonOperator.LessOrEqual, comparison.Operator);
        Assert.Equal(new ArgumentTerm("refund_amount"), comparison.Left);
        Assert.Equal(new BinaryTerm(ArithmeticOperator.Multiply, new ArgumentTerm("order_total"), new NumberTerm(0.5m)), comparison.Right);
        Assert.Equal(["order_total", "refund_amount"], constraint.Arguments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_ChainedComparison_IsAConjunction()
    {
        var constraint = RelationalConstraint.Parse("0 < amount <= 500");

        var and = Assert.IsType<AndFormula>(constraint.Formula);
        Assert.Equal(ComparisonOperator.Less, Assert.IsType<ComparisonFormula>(and.Left).Operator);
        Assert.Equal(ComparisonOperator.LessOrEqual, Assert.IsType<ComparisonFormula>(and.Right).Operator);
    }

    [Theory]
    [InlineData("(a < b) and (c > 1 or not d == 2)")]
    [InlineData("(a + b) * 2 < c")]
    [InlineData("((a + b)) < c && !(a > 3)")]
    [InlineData("end_date - start_date <= 30")]
    [InlineData("order.total >= -(refund / 4)")]
    public void Parse_ParenthesesAsFormulaOrTerm_Parses(string expression) =>
        Assert.NotNull(RelationalConstraint.Parse(expression).Formula);

    [Theory]
    [InlineData("a * b < 3", "Multiplying two arguments is not linear", 3)]
    [InlineData("a / b < 3", "The divisor must be a non-zero constant", 3)]
    [InlineData("a / 0 < 3", "The divisor must be a non-zero constant", 3)]
    [InlineData("a + b", "Expected a comparison", 6)]
    [InlineData("a < ", "Unexpected end of expression", 5)]
    [InlineData("a < b)", "Unexpected ')'", 6)]
    [InlineData("a <> b", "Unexpected '>'", 4)]
    public void Parse_Invalid_ThrowsNamingTheColumn(string expression, string problem, int column)
    {
        var error = Assert.Throws<ConstraintSyntaxException>(() => RelationalConstraint.Parse(expression));

        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Position + 1);
    }
}
