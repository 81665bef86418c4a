using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Database;

/// <summary>
/// <c>sql_query</c>: runs one read-only SELECT on the configured database and returns columns and rows. The SQL is
/// checked by <see cref="SqlStatementGuard"/>, then run by the provider's read-only runner under the statement
/// timeout, with a row limit. Thread-safe.
/// </summary>
public sealed class DatabaseTool : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "sql_query";

    private readonly DatabaseToolOptions _options;
    private readonly IReadOnlyQueryRunner? _runner;

    /// <summary>Creates the tool.</summary>
    public DatabaseTool(DatabaseToolOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _runner = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : options.Provider switch
        {
            DatabaseProviders.Sqlite => new SqliteQueryRunner(options.ConnectionString, timeProvider),
            DatabaseProviders.PostgreSql => new PostgresQueryRunner(options.ConnectionString),
            _ => null,
        };
        var description = "Run one read-only SQL SELECT (or WITH ... SELECT) query and get the columns and rows back.";
        Definition = new ToolDefinition(
            ToolName,
            string.IsNullOrWhiteSpace(options.SchemaDescription) ? description : $"{description} {options.SchemaDescription}",
            ToolDefinition.ParseSchema($$"""
                {
                  "type": "object",
                  "properties": {
                    "sql": { "type": "string", "minLength": 1, "maxLength": 10000, "description": "A single SELECT or WITH query." },
                    "max_rows": { "type": "integer", "minimum": 1, "maximum": {{options.MaxRows}}, "description": "Rows to return at most." }
                  },
                  "required": ["sql"],
                  "additionalProperties": false
                }
                """),
            TimeSpan.FromSeconds(options.StatementTimeoutSeconds + 5),
            options.MaxResultChars);
    }

    /// <inheritdoc />
    public ToolDefinition Definition { get; }

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var runner = _runner ?? throw ToolException.NotConfigured(
            ToolName, $"{DatabaseToolOptions.SectionName}:Provider (sqlite or postgresql) and {DatabaseToolOptions.SectionName}:ConnectionString");
        var sql = arguments.GetProperty("sql").GetString()!;
        if (SqlStatementGuard.Check(sql) is { } problem)
        {
            throw ToolException.InvalidArgument(problem);
        }

        var maxRows = arguments.TryGetProperty("max_rows", out var requested) ? (int)requested.GetDouble() : _options.MaxRows;
        var result = await runner.RunAsync(sql, maxRows, TimeSpan.FromSeconds(_options.StatementTimeoutSeconds), cancellationToken);
        return ToolResult.Success(JsonSerializer.Serialize(new
        {
            columns = result.Columns,
            rows = result.Rows,
            row_count = result.Rows.Count,
            truncated = result.Truncated,
        }));
    }
}
