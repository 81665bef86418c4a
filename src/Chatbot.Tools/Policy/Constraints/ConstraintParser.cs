using System.Globalization;

namespace Chatbot.Tools.Policy.Constraints;

/// <summary>
/// Recursive-descent parser of <see cref="RelationalConstraint"/> expressions. Constants are folded as they are
/// parsed, which is also how linearity is checked: a product needs a <see cref="NumberTerm"/> on one side.
/// </summary>
internal sealed class ConstraintParser(string text)
{
    private const int MaxDepth = 64;
    private int _position;
    private int _depth;

    public ConstraintFormula ParseAll()
    {
        var formula = ParseOr();
        SkipSpace();
        if (_position < text.Length)
        {
            throw Error($"Unexpected '{text[_position]}'");
        }

        return formula;
    }

    private ConstraintFormula ParseOr()
    {
        var left = ParseAnd();
        while (TakeSymbol("||") || TakeWord("or"))
        {
            left = new OrFormula(left, ParseAnd());
        }

        return left;
    }

    private ConstraintFormula ParseAnd()
    {
        var left = ParseNot();
        while (TakeSymbol("&&") || TakeWord("and"))
        {
            left = new AndFormula(left, ParseNot());
        }

        return left;
    }

    private ConstraintFormula ParseNot()
    {
        using var depth = Nest();
        if (TakeWord("not") || (Peek("!") && !Peek("!=") && TakeSymbol("!")))
        {
            return new NotFormula(ParseNot());
        }

        // "(" opens either a formula "(a < b) or c" or a term "(a + b) < c": try the formula first.
        var start = _position;
        if (TakeSymbol("("))
        {
            try
            {
                var inner = ParseOr();
                Expect(")");
                if (!PeekComparison() && !PeekArithmetic())
                {
                    return inner;
                }
            }
            catch (ConstraintSyntaxException)
            {
                // Not a parenthesised formula; parse it again as the start of a comparison.
            }

            _position = start;
        }

        return ParseComparison();
    }

    private ConstraintFormula ParseComparison()
    {
        var left = ParseSum();
        ConstraintFormula? result = null;
        while (TakeComparison() is { } op)
        {
            var right = ParseSum();
            var comparison = new ComparisonFormula(op, left, right);
            result = result is null ? comparison : new AndFormula(result, comparison);
            left = right;
        }

        return result ?? throw Error("Expected a comparison (<, <=, >, >=, ==, !=)");
    }

    private ConstraintTerm ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            if (TakeSymbol("+"))
            {
                left = Fold(ArithmeticOperator.Add, left, ParseProduct());
            }
            else if (TakeSymbol("-"))
            {
                left = Fold(ArithmeticOperator.Subtract, left, ParseProduct());
            }
            else
            {
                return left;
            }
        }
    }

    private ConstraintTerm ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            var at = _position;
            if (TakeSymbol("*"))
            {
                var right = ParseUnary();
                if (left is not NumberTerm && right is not NumberTerm)
                {
                    throw Error("Multiplying two arguments is not linear; one side must be a constant", at);
                }

                left = Fold(ArithmeticOperator.Multiply, left, right);
            }
            else if (TakeSymbol("/"))
            {
                var right = ParseUnary();
                if (right is not NumberTerm divisor || divisor.Value == 0)
                {
                    throw Error("The divisor must be a non-zero constant", at);
                }

                left = Fold(ArithmeticOperator.Divide, left, right);
            }
            else
            {
                return left;
            }
        }
    }

    private ConstraintTerm ParseUnary()
    {
        using var depth = Nest();
        if (TakeSymbol("-"))
        {
            var operand = ParseUnary();
            return operand is NumberTerm n ? new NumberTerm(-n.Value) : new NegateTerm(operand);
        }

        TakeSymbol("+");
        return ParseAtom();
    }

    private ConstraintTerm ParseAtom()
    {
        SkipSpace();
        if (TakeSymbol("("))
        {
            var inner = ParseSum();
            Expect(")");
            return inner;
        }

        var start = _position;
        if (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
        {
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] is '.' or '_'))
            {
                _position++;
            }

            var literal = text[start.._position].Replace("_", "", StringComparison.Ordinal);
            return decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? new NumberTerm(value)
                : throw Error($"'{literal}' is not a number", start);
        }

        if (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] == '_'))
        {
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '.'))
            {
                _position++;
            }

            var name = text[start.._position];
            return name is "and" or "or" or "not" ? throw Error($"'{name}' cannot be used as an argument name", start) : new ArgumentTerm(name);
        }

        throw Error(_position < text.Length ? $"Unexpected '{text[_position]}'" : "Unexpected end of expression");
    }

    private static ConstraintTerm Fold(ArithmeticOperator op, ConstraintTerm left, ConstraintTerm right) => (left, right) switch
    {
        (NumberTerm l, NumberTerm r) => new NumberTerm(op switch
        {
            ArithmeticOperator.Add => l.Value + r.Value,
            ArithmeticOperator.Subtract => l.Value - r.Value,
            ArithmeticOperator.Multiply => l.Value * r.Value,
            _ => l.Value / r.Value,
        }),
        _ => new BinaryTerm(op, left, right),
    };

    private ComparisonOperator? TakeComparison() =>
        TakeSymbol("<=") ? ComparisonOperator.LessOrEqual
        : TakeSymbol(">=") ? ComparisonOperator.GreaterOrEqual
        : TakeSymbol("==") ? ComparisonOperator.Equal
        : TakeSymbol("!=") ? ComparisonOperator.NotEqual
        : TakeSymbol("<") ? ComparisonOperator.Less
        : TakeSymbol(">") ? ComparisonOperator.Greater
        : TakeSymbol("=") ? ComparisonOperator.Equal
        : null;

    private bool PeekComparison() => Peek("<") || Peek(">") || Peek("=") || Peek("!=");

    private bool PeekArithmetic() => Peek("+") || Peek("-") || Peek("*") || Peek("/");

    private bool Peek(string symbol)
    {
        SkipSpace();
        return string.CompareOrdinal(text, _position, symbol, 0, symbol.Length) == 0;
    }

    private bool TakeSymbol(string symbol)
    {
        if (!Peek(symbol))
        {
            return false;
        }

        _position += symbol.Length;
        return true;
    }

    private bool TakeWord(string word)
    {
        if (!Peek(word))
        {
            return false;
        }

        var end = _position + word.Length;
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.'))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!TakeSymbol(symbol))
        {
            throw Error($"Expected '{symbol}'");
        }
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private DepthScope Nest()
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            throw Error($"Nested deeper than {MaxDepth} levels");
        }

        return new DepthScope(this);
    }

    private ConstraintSyntaxException Error(string problem, int? at = null) => new(text, at ?? _position, problem);

    private readonly struct DepthScope(ConstraintParser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }
}
