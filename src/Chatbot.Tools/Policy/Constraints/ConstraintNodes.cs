namespace Chatbot.Tools.Policy.Constraints;

/// <summary>A linear arithmetic term over tool arguments. Immutable.</summary>
public abstract record ConstraintTerm;

/// <summary>A constant.</summary>
public sealed record NumberTerm(decimal Value) : ConstraintTerm;

/// <summary>The value of an argument (a dotted path for nested objects).</summary>
public sealed record ArgumentTerm(string Name) : ConstraintTerm;

/// <summary><c>-Operand</c>.</summary>
public sealed record NegateTerm(ConstraintTerm Operand) : ConstraintTerm;

/// <summary>A binary arithmetic operation; multiplication and division always have a constant on one side (the right, for division).</summary>
public sealed record BinaryTerm(ArithmeticOperator Operator, ConstraintTerm Left, ConstraintTerm Right) : ConstraintTerm;

/// <summary>Operators of <see cref="BinaryTerm"/>.</summary>
public enum ArithmeticOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,
}

/// <summary>A boolean formula over comparisons of terms. Immutable.</summary>
public abstract record ConstraintFormula;

/// <summary><c>Left Operator Right</c>.</summary>
public sealed record ComparisonFormula(ComparisonOperator Operator, ConstraintTerm Left, ConstraintTerm Right) : ConstraintFormula;

/// <summary>Both hold.</summary>
public sealed record AndFormula(ConstraintFormula Left, ConstraintFormula Right) : ConstraintFormula;

/// <summary>At least one holds.</summary>
public sealed record OrFormula(ConstraintFormula Left, ConstraintFormula Right) : ConstraintFormula;

/// <summary>The operand does not hold.</summary>
public sealed record NotFormula(ConstraintFormula Operand) : ConstraintFormula;

/// <summary>Operators of <see cref="ComparisonFormula"/>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>==</c> (or <c>=</c>)</summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,
}
