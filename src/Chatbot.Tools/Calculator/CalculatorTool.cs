using System.Globalization;
using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Calculator;

/// <summary><c>calculator</c>: evaluates an arithmetic expression with <see cref="ExpressionCalculator"/>. Thread-safe.</summary>
public sealed class CalculatorTool : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "calculator";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "expression": {
              "type": "string", "minLength": 1, "maxLength": 1000,
              "description": "Arithmetic such as '(3 + 4) * 2^3', '17% of 2,340', 'sqrt(2) / 2' or 'max(3, 7.5)'. Inside a function's parentheses commas separate arguments."
            }
          },
          "required": ["expression"],
          "additionalProperties": false
        }
        """;

    /// <inheritdoc />
    public ToolDefinition Definition { get; } = new(
        ToolName,
        "Evaluate an arithmetic expression exactly instead of doing the arithmetic yourself. Supports + - * / ^, % (percent or modulo), parentheses and sqrt, abs, round, min, max, ln, log, exp, sin, cos.",
        ToolDefinition.ParseSchema(Schema),
        TimeSpan.FromSeconds(2),
        maxResultChars: 1000);

    /// <inheritdoc />
    public ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var expression = arguments.GetProperty("expression").GetString()!;
        try
        {
            var value = ExpressionCalculator.Evaluate(expression);
            return ValueTask.FromResult(ToolResult.Success(JsonSerializer.Serialize(new
            {
                expression,
                result = value,
                text = value.ToString("G15", CultureInfo.InvariantCulture),
            })));
        }
        catch (CalculationException ex)
        {
            return ValueTask.FromResult(ToolResult.Failure(ToolErrorCodes.InvalidArguments, ex.Message));
        }
    }
}
