namespace Chatbot.Tools.Calculator;

/// <summary>Kinds of <see cref="Token"/>.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Percent,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>One lexical token of a calculator expression, with its 0-based position in the input.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, double Number = 0)
{
    public bool StartsOperand => Kind is TokenKind.Number or TokenKind.LeftParen
        || (Kind == TokenKind.Identifier && !Text.Equals("of", StringComparison.OrdinalIgnoreCase));

    public string Describe() => Kind == TokenKind.End ? "end of input" : $"'{Text}'";
}
