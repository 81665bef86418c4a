using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Tests.Invocation;

/// <summary>A tool whose behaviour the test supplies; records the arguments of each call.</summary>
internal sealed class ScriptedTool(
    string name, Func<JsonElement, CancellationToken, ValueTask<ToolResult>> behaviour, TimeSpan? timeout = null, int maxResultChars = 200) : IAgentTool
{
    public const string Schema = """
        {
          "type": "object",
          "properties": {
            "amount": { "type": "number", "minimum": 0 },
            "currency": { "type": "string", "enum": ["EUR", "USD"] },
            "note": { "type": ["string", "null"], "maxLength": 20 }
          },
          "required": ["amount", "currency"],
          "additionalProperties": false
        }
        """;

    public List<JsonElement> Calls { get; } = [];

    public ToolDefinition Definition { get; } = new(
        name, "A scripted tool for tests.", ToolDefinition.ParseSchema(Schema), timeout ?? TimeSpan.FromSeconds(5), maxResultChars);

    public ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        Calls.Add(arguments.Clone());
        return behaviour(arguments, cancellationToken);
    }
}
