namespace Chatbot.Tools.Policy.Constraints;

/// <summary>
/// A parsed constraint relating tool arguments. Syntax: comparisons (<c>&lt; &lt;= &gt; &gt;= == = !=</c>, chains
/// such as <c>0 &lt; a &lt;= b</c>) of linear terms (<c>+ - * /</c>, parentheses, decimal constants, argument
/// names such as <c>refund_amount</c> or <c>order.total</c>), joined by <c>and</c>/<c>&amp;&amp;</c>,
/// <c>or</c>/<c>||</c>, <c>not</c>/<c>!</c>. Multiplication needs a constant on one side and division a non-zero
/// constant divisor, so every constraint stays in linear real arithmetic, which the solver decides exactly.
/// Immutable and thread-safe.
/// </summary>
public sealed class RelationalConstraint
{
    private RelationalConstraint(string text, ConstraintFormula formula, IReadOnlySet<string> arguments)
    {
        Text = text;
        Formula = formula;
        Arguments = arguments;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The parsed formula.</summary>
    public ConstraintFormula Formula { get; }

    /// <summary>The argument names the constraint reads.</summary>
    public IReadOnlySet<string> Arguments { get; }

    /// <summary>Parses <paramref name="expression"/>; throws <see cref="ConstraintSyntaxException"/> naming the column of the problem.</summary>
    public static RelationalConstraint Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var formula = new ConstraintParser(expression).ParseAll();
        var arguments = new HashSet<string>(StringComparer.Ordinal);
        Collect(formula, arguments);
        return new RelationalConstraint(expression, formula, arguments);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static void Collect(ConstraintFormula formula, HashSet<string> arguments)
    {
        switch (formula)
        {
            case ComparisonFormula c:
                Collect(c.Left, arguments);
                Collect(c.Right, arguments);
                break;
            case AndFormula a:
                Collect(a.Left, arguments);
                Collect(a.Right, arguments);
                break;
            case OrFormula o:
                Collect(o.Left, arguments);
                Collect(o.Right, arguments);
                break;
            case NotFormula n:
                Collect(n.Operand, arguments);
                break;
        }
    }

    private static void Collect(ConstraintTerm term, HashSet<string> arguments)
    {
        switch (term)
        {
            case ArgumentTerm a:
                arguments.Add(a.Name);
                break;
            case NegateTerm n:
                Collect(n.Operand, arguments);
                break;
            case BinaryTerm b:
                Collect(b.Left, arguments);
                Collect(b.Right, arguments);
                break;
        }
    }
}
