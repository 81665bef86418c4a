using System.Globalization;
using System.Runtime.InteropServices;
using Chatbot.Tools.Policy.Constraints;
using static Chatbot.Tools.Policy.Solver.Z3Native;

namespace Chatbot.Tools.Policy.Solver;

/// <summary>
/// One Z3 context and solver for one question, translating constraint formulas into Z3 terms over real-valued
/// constants named after the arguments. Z3 contexts are not thread-safe, so each question gets its own session; the
/// context (and every term in it) is freed on dispose. Errors are collected, not raised through Z3's handler, and
/// turned into exceptions here.
/// </summary>
internal sealed class Z3Session : IDisposable
{
    private readonly IntPtr _context;
    private readonly IntPtr _solver;
    private readonly IntPtr _real;
    private readonly Dictionary<string, IntPtr> _constants = new(StringComparer.Ordinal);

    public Z3Session(TimeSpan timeLimit)
    {
        var config = Z3_mk_config();
        try
        {
            Z3_set_param_value(config, "timeout", ((long)timeLimit.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            Z3_set_param_value(config, "model", "false");
            _context = Z3_mk_context(config);
        }
        finally
        {
            Z3_del_config(config);
        }

        // Without a handler Z3 records errors for Z3_get_error_code instead of unwinding through managed frames.
        Z3_set_error_handler(_context, IntPtr.Zero);
        _real = Z3_mk_real_sort(_context);
        _solver = Z3_mk_solver(_context);
        Z3_solver_inc_ref(_context, _solver);
        ThrowOnError();
    }

    public void Assert(ConstraintFormula formula) => Z3_solver_assert(_context, _solver, Translate(formula));

    public void Fix(string argument, decimal value) =>
        Z3_solver_assert(_context, _solver, Z3_mk_eq(_context, Constant(argument), Numeral(value)));

    public SolverResult Check()
    {
        var result = Z3_solver_check(_context, _solver);
        ThrowOnError();
        return result switch
        {
            1 => SolverResult.Satisfiable,
            -1 => SolverResult.Unsatisfiable,
            _ => SolverResult.Unknown,
        };
    }

    public void Dispose()
    {
        Z3_solver_dec_ref(_context, _solver);
        Z3_del_context(_context);
    }

    private IntPtr Translate(ConstraintFormula formula) => formula switch
    {
        ComparisonFormula c => Compare(c.Operator, Translate(c.Left), Translate(c.Right)),
        AndFormula a => Z3_mk_and(_context, 2, [Translate(a.Left), Translate(a.Right)]),
        OrFormula o => Z3_mk_or(_context, 2, [Translate(o.Left), Translate(o.Right)]),
        NotFormula n => Z3_mk_not(_context, Translate(n.Operand)),
        _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, "Unknown formula."),
    };

    private IntPtr Compare(ComparisonOperator op, IntPtr left, IntPtr right) => op switch
    {
        ComparisonOperator.Less => Z3_mk_lt(_context, left, right),
        ComparisonOperator.LessOrEqual => Z3_mk_le(_context, left, right),
        ComparisonOperator.Greater => Z3_mk_gt(_context, left, right),
        ComparisonOperator.GreaterOrEqual => Z3_mk_ge(_context, left, right),
        ComparisonOperator.Equal => Z3_mk_eq(_context, left, right),
        _ => Z3_mk_not(_context, Z3_mk_eq(_context, left, right)),
    };

    private IntPtr Translate(ConstraintTerm term) => term switch
    {
        NumberTerm n => Numeral(n.Value),
        ArgumentTerm a => Constant(a.Name),
        NegateTerm n => Z3_mk_unary_minus(_context, Translate(n.Operand)),
        BinaryTerm { Operator: ArithmeticOperator.Add } b => Z3_mk_add(_context, 2, [Translate(b.Left), Translate(b.Right)]),
        BinaryTerm { Operator: ArithmeticOperator.Subtract } b => Z3_mk_sub(_context, 2, [Translate(b.Left), Translate(b.Right)]),
        BinaryTerm { Operator: ArithmeticOperator.Multiply } b => Z3_mk_mul(_context, 2, [Translate(b.Left), Translate(b.Right)]),
        BinaryTerm b => Z3_mk_div(_context, Translate(b.Left), Translate(b.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(term), term, "Unknown term."),
    };

    private IntPtr Constant(string name)
    {
        if (!_constants.TryGetValue(name, out var constant))
        {
            constant = Z3_mk_const(_context, Z3_mk_string_symbol(_context, name), _real);
            _constants[name] = constant;
        }

        return constant;
    }

    // Z3 reads decimal notation exactly ("397.8" is 3978/10), so no binary rounding enters the proof.
    private IntPtr Numeral(decimal value)
    {
        var magnitude = Z3_mk_numeral(_context, Math.Abs(value).ToString(CultureInfo.InvariantCulture), _real);
        return value < 0 ? Z3_mk_unary_minus(_context, magnitude) : magnitude;
    }

    private void ThrowOnError()
    {
        var code = Z3_get_error_code(_context);
        if (code != 0)
        {
            var message = Marshal.PtrToStringUTF8(Z3_get_error_msg(_context, code));
            throw new InvalidOperationException($"Z3 failed (error {code}): {message}");
        }
    }
}
