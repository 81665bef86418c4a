using System.Globalization;

namespace Chatbot.Tools.Calculator;

/// <summary>
/// Evaluates arithmetic written the way people write it: <c>+ - * / ^</c>, <c>%</c> as modulo or percent
/// (<c>17% of 2,340</c>, <c>2,340 * 17%</c>, <c>80 + 15%</c>), parentheses, unary minus, thousands separators,
/// decimals, the functions sqrt, abs, round, floor, ceil, min, max, ln, log, log10, log2, exp, sin, cos, tan and the
/// constants pi and e. A leading "what is" and a trailing "?" are ignored. It is a parser, never an eval: nothing in
/// the input can run code. Stateless and thread-safe.
/// </summary>
public static class ExpressionCalculator
{
    /// <summary>Longest expression accepted, in chars.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// The value of <paramref name="expression"/>, rounded to 15 significant digits so binary noise such as
    /// 397.79999999999995 reads 397.8. Throws <see cref="CalculationException"/> naming the problem and its column.
    /// </summary>
    public static double Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            throw new CalculationException($"The expression is longer than {MaxLength} characters", MaxLength);
        }

        var value = new ExpressionParser(ExpressionLexer.Tokenize(expression)).ParseAll();
        var rounded = double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? 0 : rounded; // no "-0"
    }
}
