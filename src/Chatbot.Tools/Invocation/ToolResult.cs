namespace Chatbot.Tools.Invocation;

/// <summary>
/// The outcome of one tool call as the model sees it: text content, or an error with a stable code and a message the
/// model can act on (for example by correcting its arguments). Immutable.
/// </summary>
public sealed record ToolResult
{
    private ToolResult(string content, string? errorCode, bool truncated)
    {
        Content = content;
        ErrorCode = errorCode;
        Truncated = truncated;
    }

    /// <summary>Result text (usually JSON) or, for an error, the message.</summary>
    public string Content { get; }

    /// <summary>One of <see cref="ToolErrorCodes"/> when the call failed; null on success.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when the call failed.</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>True when <see cref="Content"/> was cut to the tool's <see cref="ToolDefinition.MaxResultChars"/>.</summary>
    public bool Truncated { get; }

    /// <summary>A successful result.</summary>
    public static ToolResult Success(string content) => new(content, null, truncated: false);

    /// <summary>A failed call; <paramref name="code"/> is one of <see cref="ToolErrorCodes"/>.</summary>
    public static ToolResult Failure(string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return new(message, code, truncated: false);
    }

    /// <summary>
    /// This result with its content cut to at most <paramref name="maxChars"/> chars, the marker included, without
    /// splitting a surrogate pair. Returns this instance when it already fits.
    /// </summary>
    public ToolResult Truncate(int maxChars)
    {
        if (Content.Length <= maxChars)
        {
            return this;
        }

        var marker = $"\n…[truncated: {Content.Length} chars, limit {maxChars}]";
        var keep = Math.Max(0, maxChars - marker.Length);
        if (keep > 0 && char.IsHighSurrogate(Content[keep - 1]))
        {
            keep--;
        }

        return new ToolResult(string.Concat(Content.AsSpan(0, keep), marker), ErrorCode, truncated: true);
    }

    /// <summary>The text a model is given: the content, or <c>error (code): message</c>.</summary>
    public override string ToString() => IsError ? $"error ({ErrorCode}): {Content}" : Content;
}
