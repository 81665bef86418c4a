using Chatbot.Tools.Policy.Constraints;

namespace Chatbot.Tools.Policy.Solver;

/// <summary>
/// A decision procedure for linear real arithmetic: is there an assignment of the arguments that makes every
/// assertion true, with some arguments fixed to known values? The policy evaluator asks it whether a call's values
/// can violate a constraint (the negated constraint is unsatisfiable exactly when the constraint holds), and the
/// options validator whether a tool's constraints can hold at all. Implementations are thread-safe.
/// </summary>
public interface IConstraintSolver
{
    /// <summary>Decides the conjunction of <paramref name="assertions"/> with <c>name == value</c> for each fixed value.</summary>
    /// <exception cref="ConstraintSolverUnavailableException">The solver cannot run on this machine.</exception>
    SolverResult Solve(IReadOnlyList<ConstraintFormula> assertions, IReadOnlyDictionary<string, decimal> fixedValues);
}

/// <summary>What <see cref="IConstraintSolver.Solve"/> found.</summary>
public enum SolverResult
{
    /// <summary>Some assignment satisfies every assertion.</summary>
    Satisfiable,

    /// <summary>No assignment does.</summary>
    Unsatisfiable,

    /// <summary>The solver gave up (time limit); callers treat this as a denial.</summary>
    Unknown,
}

/// <summary>The constraint solver's native library could not be loaded; the message names the package to install.</summary>
public sealed class ConstraintSolverUnavailableException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException);
