using Chatbot.Tools.Calculator;
using Xunit;

namespace Chatbot.Tools.Tests.Calculator;

public sealed class ExpressionCalculatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("(-2) ^ 2", 4)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("64 / 4 / 2", 8)]
    [InlineData("--3", 3)]
    [InlineData("2 * -3", -6)]
    [InlineData("10 % 3", 1)]
    [InlineData("7.5 % 2", 1.5)]
    [InlineData(".5 + 1.25", 1.75)]
    [InlineData("1e3 + 1", 1001)]
    [InlineData("0.1 + 0.2", 0.3)]
    public void Evaluate_Arithmetic_FollowsPrecedenceAndAssociativity(string expression, double expected) =>
        Assert.Equal(expected, ExpressionCalculator.Evaluate(expression));

    [Theory]
    [InlineData("what is 17% of 2,340?", 397.8)]
    [InlineData("17% of 2,340", 397.8)]
    [InlineData("2,340 * 17%", 397.8)]
    [InlineData("17%", 0.17)]
    [InlineData("80 + 15%", 92)]
    [InlineData("80 - 25%", 60)]
    [InlineData("50% of (10 + 30)", 20)]
    [InlineData("1,234,567.5 + 0.5", 1234568)]
    [InlineData("Calculate 12,000 / 4", 3000)]
    [InlineData("１７％ of ２，３４０", 397.8)]
    [InlineData("6 × 7 ÷ 2", 21)]
    public void Evaluate_PercentagesAndSeparators_ReadAsPeopleWriteThem(string expression, double expected) =>
        Assert.Equal(expected, ExpressionCalculator.Evaluate(expression));

    [Theory]
    [InlineData("sqrt(16) + abs(-3)", 7)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(3.14159, 2)", 3.14)]
    [InlineData("min(4, 2, 8) + max(1, 9)", 11)]
    [InlineData("max(1,234)", 234)]
    [InlineData("ln(e)", 1)]
    [InlineData("log(1000)", 3)]
    [InlineData("log(8, 2)", 3)]
    [InlineData("exp(0)", 1)]
    [InlineData("sin(0) + cos(0)", 1)]
    [InlineData("cos(pi)", -1)]
    [InlineData("SQRT(2) ^ 2", 2)]
    public void Evaluate_Functions_ComputeTheirValues(string expression, double expected) =>
        Assert.Equal(expected, ExpressionCalculator.Evaluate(expression));

    [Theory]
    [InlineData("1 / 0", "Division by zero", 3)]
    [InlineData("5 % 0", "Division by zero", 3)]
    [InlineData("(1 + 2", "Expected ')' but found end of input", 7)]
    [InlineData("1 + 2)", "Unexpected ')'", 6)]
    [InlineData("1 + * 2", "Unexpected '*'", 5)]
    [InlineData("2 # 3", "Unexpected character '#'", 3)]
    [InlineData("sqrt(-1)", "sqrt needs a number that is not negative", 1)]
    [InlineData("ln(0)", "ln needs a positive number", 1)]
    [InlineData("sqrt(1, 2)", "sqrt takes 1 argument(s), got 2", 1)]
    [InlineData("foo(2)", "Unknown name 'foo'", 1)]
    [InlineData("3 of 4", "'of' must follow a percentage", 3)]
    [InlineData("10 ^ 400", "The result is too large", 4)]
    [InlineData("1,23 + 1", "Unexpected ','", 2)]
    [InlineData("", "The expression is empty", 1)]
    [InlineData("import os", "Unknown name 'import'", 1)]
    public void Evaluate_BadInput_ThrowsWithProblemAndColumn(string expression, string problem, int column)
    {
        var error = Assert.Throws<CalculationException>(() => ExpressionCalculator.Evaluate(expression));

        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(column, error.Position + 1);
        Assert.EndsWith($"at column {column}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DeepNesting_IsRefusedInsteadOfOverflowingTheStack()
    {
        var expression = new string('(', 450) + "1" + new string(')', 450);

        var error = Assert.Throws<CalculationException>(() => ExpressionCalculator.Evaluate(expression));

        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Question_ReturnsResultAsJson()
    {
        var result = await ToolTesting.RunAsync(new CalculatorTool(), """{"expression": "what is 17% of 2,340?"}""");

        var content = ToolTesting.Content(result);
        Assert.Equal(397.8, content.GetProperty("result").GetDouble());
        Assert.Equal("397.8", content.GetProperty("text").GetString());
    }

    [Fact]
    public async Task InvokeAsync_BadExpression_ReturnsInvalidArgumentsWithColumn()
    {
        var result = await ToolTesting.RunAsync(new CalculatorTool(), """{"expression": "2 +"}""");

        Assert.Equal("invalid_arguments", result.ErrorCode);
        Assert.Contains("column 4", result.Content, StringComparison.Ordinal);
    }
}
