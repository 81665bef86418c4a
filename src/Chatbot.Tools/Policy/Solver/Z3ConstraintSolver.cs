using Chatbot.Tools.Policy.Constraints;
using static Chatbot.Tools.Policy.Solver.Z3Native;

namespace Chatbot.Tools.Policy.Solver;

/// <summary>
/// <see cref="IConstraintSolver"/> backed by the Z3 SMT solver (linear real arithmetic). Each call runs in its own Z3
/// context, so the solver is thread-safe and holds no state between calls. Needs the native Z3 library
/// (Debian: <c>apt-get install libz3-4</c>); without it every call throws <see cref="ConstraintSolverUnavailableException"/>.
/// </summary>
public sealed class Z3ConstraintSolver : IConstraintSolver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="timeLimit">Longest one decision may take before Z3 answers unknown; default 2 s.</param>
    public Z3ConstraintSolver(TimeSpan? timeLimit = null)
    {
        TimeLimit = timeLimit ?? TimeSpan.FromSeconds(2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeLimit, TimeSpan.Zero, nameof(timeLimit));
    }

    /// <summary>Longest one decision may take.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>The loaded Z3's version, e.g. <c>4.8.12.0</c>; throws <see cref="ConstraintSolverUnavailableException"/> when Z3 is missing.</summary>
    public static string Version => Native(() =>
    {
        Z3_get_version(out var major, out var minor, out var build, out var revision);
        return $"{major}.{minor}.{build}.{revision}";
    });

    /// <inheritdoc />
    public SolverResult Solve(IReadOnlyList<ConstraintFormula> assertions, IReadOnlyDictionary<string, decimal> fixedValues) => Native(() =>
    {
        using var session = new Z3Session(TimeLimit);
        foreach (var (name, value) in fixedValues)
        {
            session.Fix(name, value);
        }

        foreach (var assertion in assertions)
        {
            session.Assert(assertion);
        }

        return session.Check();
    });

    private static T Native<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (DllNotFoundException ex)
        {
            throw new ConstraintSolverUnavailableException(
                "The Z3 solver library (libz3.so.4) is not installed; install the Debian package libz3-4.", ex);
        }
        catch (EntryPointNotFoundException ex)
        {
            throw new ConstraintSolverUnavailableException($"The installed Z3 library is too old: {ex.Message}", ex);
        }
    }
}
