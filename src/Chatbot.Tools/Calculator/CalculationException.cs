namespace Chatbot.Tools.Calculator;

/// <summary>An expression the calculator cannot evaluate; the message says what is wrong and where (1-based column).</summary>
public sealed class CalculationException : FormatException
{
    /// <summary>Creates the exception for the problem at <paramref name="position"/> (0-based).</summary>
    public CalculationException(string problem, int position)
        : base($"{problem} at column {position + 1}.")
    {
        Problem = problem;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>0-based index of the problem in the expression.</summary>
    public int Position { get; }
}
