namespace Chatbot.Tools.Policy.Constraints;

/// <summary>A relational constraint that does not parse, or is not linear; the message names the 1-based column.</summary>
public sealed class ConstraintSyntaxException : FormatException
{
    /// <summary>Creates the exception for the problem at <paramref name="position"/> (0-based) of <paramref name="expression"/>.</summary>
    public ConstraintSyntaxException(string expression, int position, string problem)
        : base($"{problem} at column {position + 1} of '{expression}'.")
    {
        Position = position;
    }

    /// <summary>0-based index of the problem in the expression.</summary>
    public int Position { get; }
}
