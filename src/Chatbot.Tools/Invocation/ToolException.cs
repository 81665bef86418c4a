namespace Chatbot.Tools.Invocation;

/// <summary>
/// Thrown by a tool for an expected failure the model should hear about (bad value, refused path, remote error);
/// the <see cref="ToolInvoker"/> turns it into a <see cref="ToolResult"/> with <see cref="Code"/>.
/// </summary>
public sealed class ToolException : Exception
{
    /// <summary>Creates the exception; <paramref name="code"/> is one of <see cref="ToolErrorCodes"/>.</summary>
    public ToolException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>One of <see cref="ToolErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A <see cref="ToolErrorCodes.InvalidArguments"/> failure.</summary>
    public static ToolException InvalidArgument(string message) => new(ToolErrorCodes.InvalidArguments, message);

    /// <summary>A <see cref="ToolErrorCodes.NotConfigured"/> failure naming the settings to add.</summary>
    public static ToolException NotConfigured(string tool, string settings) =>
        new(ToolErrorCodes.NotConfigured, $"The {tool} tool is not configured: set {settings}.");
}
