namespace Chatbot.Tools.Calculator;

/// <summary>
/// Recursive-descent evaluator over <see cref="ExpressionLexer"/> tokens. Precedence, loosest first: <c>+ -</c>;
/// <c>* / %</c> (modulo) and <c>of</c>; unary <c>- +</c>; <c>^</c> (right-associative, so <c>-2^2 = -4</c>);
/// postfix <c>%</c> (percent). A <c>%</c> followed by an operand is modulo, otherwise percent. Percent follows
/// calculator convention: <c>a + b%</c> is a increased by b percent of a, <c>b% of a</c> and <c>a * b%</c> are b
/// percent of a.
/// </summary>
internal sealed class ExpressionParser(List<Token> tokens)
{
    private const int MaxDepth = 200;
    private int _index;
    private int _depth;

    private readonly record struct Value(double Number, bool IsPercent = false);

    public double ParseAll()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw new CalculationException("The expression is empty", Current.Position);
        }

        var value = ParseAdditive();
        return Current.Kind == TokenKind.End ? value.Number : throw Unexpected();
    }

    private Token Current => tokens[_index];

    private Token Next => tokens[Math.Min(_index + 1, tokens.Count - 1)];

    private Value ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = tokens[_index++];
            var right = ParseMultiplicative();
            var amount = right.IsPercent ? left.Number * right.Number : right.Number;
            left = new Value(Check(op.Kind == TokenKind.Plus ? left.Number + amount : left.Number - amount, op));
        }

        return left;
    }

    private Value ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Current;
            if (op.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
            {
                _index++;
                var right = ParseUnary().Number;
                left = new Value(op.Kind switch
                {
                    TokenKind.Star => Check(left.Number * right, op),
                    _ when right == 0 => throw new CalculationException("Division by zero", op.Position),
                    TokenKind.Slash => Check(left.Number / right, op),
                    _ => Check(left.Number % right, op),
                });
            }
            else if (op.Kind == TokenKind.Identifier && op.Text.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                if (!left.IsPercent)
                {
                    throw new CalculationException("'of' must follow a percentage, as in '17% of 2,340'", op.Position);
                }

                _index++;
                left = new Value(Check(left.Number * ParseUnary().Number, op));
            }
            else
            {
                return left;
            }
        }
    }

    private Value ParseUnary()
    {
        Enter();
        try
        {
            if (Current.Kind == TokenKind.Minus)
            {
                _index++;
                var operand = ParseUnary();
                return operand with { Number = -operand.Number };
            }

            if (Current.Kind == TokenKind.Plus)
            {
                _index++;
                return ParseUnary();
            }

            return ParsePower();
        }
        finally
        {
            _depth--;
        }
    }

    private Value ParsePower()
    {
        var value = ParsePostfix();
        if (Current.Kind != TokenKind.Caret)
        {
            return value;
        }

        var op = tokens[_index++];
        var power = Math.Pow(value.Number, ParseUnary().Number);
        return double.IsNaN(power)
            ? throw new CalculationException("The power is not a real number", op.Position)
            : new Value(Check(power, op));
    }

    private Value ParsePostfix()
    {
        var value = ParsePrimary();
        // "%" is a percent sign unless an operand follows, in which case it is left to ParseMultiplicative as modulo.
        while (Current.Kind == TokenKind.Percent && !Next.StartsOperand)
        {
            _index++;
            value = new Value(value.Number / 100, IsPercent: true);
        }

        return value;
    }

    private Value ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new Value(token.Number);
            case TokenKind.LeftParen:
                _index++;
                var inner = ParseAdditive();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier when CalculatorFunctions.Functions.TryGetValue(token.Text, out var function):
                _index++;
                return new Value(Call(token, function));
            case TokenKind.Identifier when CalculatorFunctions.Constants.TryGetValue(token.Text, out var constant):
                _index++;
                return new Value(constant);
            case TokenKind.Identifier:
                throw new CalculationException($"Unknown name '{token.Text}' (functions: {string.Join(", ", CalculatorFunctions.Functions.Keys.Order())})", token.Position);
            case TokenKind.End:
                throw new CalculationException("The expression ends too early", token.Position);
            default:
                throw Unexpected();
        }
    }

    private double Call(Token name, CalculatorFunctions.Function function)
    {
        Expect(TokenKind.LeftParen, $"'(' after {name.Text}");
        var arguments = new List<double> { ParseAdditive().Number };
        while (Current.Kind == TokenKind.Comma)
        {
            _index++;
            arguments.Add(ParseAdditive().Number);
        }

        Expect(TokenKind.RightParen, "')'");
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments ? $"{function.MinArguments}"
                : function.MaxArguments == int.MaxValue ? $"at least {function.MinArguments}"
                : $"{function.MinArguments} or {function.MaxArguments}";
            throw new CalculationException($"{name.Text} takes {expected} argument(s), got {arguments.Count}", name.Position);
        }

        var result = function.Apply([.. arguments]);
        return double.IsNaN(result) || (function.Domain is not null && double.IsInfinity(result))
            ? throw new CalculationException(function.Domain ?? $"{name.Text} is not defined for these arguments", name.Position)
            : Check(result, name);
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw new CalculationException($"Expected {what} but found {Current.Describe()}", Current.Position);
        }

        _index++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new CalculationException($"The expression nests deeper than {MaxDepth} levels", Current.Position);
        }
    }

    private static double Check(double value, Token at) =>
        double.IsFinite(value) ? value : throw new CalculationException("The result is too large", at.Position);

    private CalculationException Unexpected() => new($"Unexpected {Current.Describe()}", Current.Position);
}
