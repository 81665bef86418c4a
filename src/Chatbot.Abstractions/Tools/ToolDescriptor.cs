namespace Chatbot.Tools;

/// <summary>A tool as a tenant sees it: name, description and argument schema, where it comes from, and whether the
/// tenant's policy lists it. Immutable.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ToolDescriptor")]
public sealed record ToolDescriptor
{
    /// <summary>The name the tool is called by.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>What the tool does.</summary>
    [Id(1)] public required string Description { get; init; }

    /// <summary>JSON Schema of the arguments object, as JSON text.</summary>
    [Id(2)] public required string InputSchemaJson { get; init; }

    /// <summary><c>platform</c> for the platform's own tools, <c>mcp:{server}</c> for a tenant's MCP server's.</summary>
    [Id(3)] public required string Source { get; init; }

    /// <summary>True when the tenant's policy allows the tool (its argument rules still apply per call).</summary>
    [Id(4)] public bool Allowed { get; init; }
}

/// <summary>The outcome of one tool call: the result text, or an error code and message. Immutable.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ToolCallOutcome")]
public sealed record ToolCallOutcome
{
    /// <summary>The result text, or the error message.</summary>
    [Id(0)] public required string Content { get; init; }

    /// <summary>A stable error code (<c>denied</c>, <c>invalid_arguments</c>, <c>timeout</c>, …); null on success.</summary>
    [Id(1)] public string? ErrorCode { get; init; }

    /// <summary>True when the content was cut to the tool's size limit.</summary>
    [Id(2)] public bool Truncated { get; init; }
}
