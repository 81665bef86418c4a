using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.GitHub;

/// <summary>
/// <c>github</c>: reads repositories and issues from the GitHub REST API (get a repository, get an issue or pull
/// request, search issues). Read-only; owner and repository names are checked before they go into a URL. Thread-safe.
/// </summary>
public sealed partial class GitHubTool(GitHubToolOptions options, HttpClient httpClient) : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "github";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "operation": { "type": "string", "enum": ["get_repository", "get_issue", "search_issues"] },
            "owner": { "type": "string", "maxLength": 100 },
            "repo": { "type": "string", "maxLength": 100 },
            "number": { "type": "integer", "minimum": 1 },
            "query": { "type": "string", "maxLength": 256, "description": "GitHub issue search syntax, e.g. 'repo:dotnet/orleans is:open label:bug'." }
          },
          "required": ["operation"],
          "additionalProperties": false
        }
        """;

    private const int MaxBodyChars = 4000;

    /// <inheritdoc />
    public ToolDefinition Definition { get; } = new(
        ToolName,
        "Read GitHub: get_repository (owner, repo), get_issue (owner, repo, number; also pull requests), search_issues (query).",
        ToolDefinition.ParseSchema(Schema),
        TimeSpan.FromSeconds(20),
        maxResultChars: 20_000);

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Token) || !Uri.TryCreate(options.Endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var endpoint))
        {
            throw ToolException.NotConfigured(ToolName, $"{GitHubToolOptions.SectionName}:Token (and a valid {GitHubToolOptions.SectionName}:Endpoint)");
        }

        var operation = arguments.GetProperty("operation").GetString();
        var path = operation switch
        {
            "get_repository" => $"repos/{Name(arguments, "owner")}/{Name(arguments, "repo")}",
            "get_issue" => $"repos/{Name(arguments, "owner")}/{Name(arguments, "repo")}/issues/{Number(arguments)}",
            _ => $"search/issues?per_page=10&q={Uri.EscapeDataString(Required(arguments, "query"))}",
        };
        using var document = await RemoteJson.GetAsync(httpClient, new Uri(endpoint, path), Headers, "GitHub", cancellationToken);
        var root = document.RootElement;
        object result = operation switch
        {
            "get_repository" => new
            {
                full_name = RemoteJson.Text(root, "full_name"),
                description = RemoteJson.Text(root, "description"),
                url = RemoteJson.Text(root, "html_url"),
                stars = RemoteJson.Value(root, "stargazers_count"),
                open_issues = RemoteJson.Value(root, "open_issues_count"),
                default_branch = RemoteJson.Text(root, "default_branch"),
                language = RemoteJson.Text(root, "language"),
            },
            "get_issue" => Issue(root, includeBody: true),
            _ => new
            {
                total = RemoteJson.Value(root, "total_count"),
                items = RemoteJson.Value(root, "items") is { ValueKind: JsonValueKind.Array } items
                    ? items.EnumerateArray().Select(i => Issue(i, includeBody: false)).ToList()
                    : [],
            },
        };
        return ToolResult.Success(JsonSerializer.Serialize(result));
    }

    private void Headers(HttpRequestHeaders headers)
    {
        headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        headers.Accept.ParseAdd("application/vnd.github+json");
        headers.UserAgent.ParseAdd("ChatbotAgent/1.0");
        headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
    }

    private static object Issue(JsonElement issue, bool includeBody) => new
    {
        number = RemoteJson.Value(issue, "number"),
        title = RemoteJson.Text(issue, "title"),
        state = RemoteJson.Text(issue, "state"),
        author = RemoteJson.Value(issue, "user") is { } user ? RemoteJson.Text(user, "login") : null,
        url = RemoteJson.Text(issue, "html_url"),
        is_pull_request = RemoteJson.Value(issue, "pull_request") is not null,
        body = includeBody && RemoteJson.Text(issue, "body") is { } body ? RemoteJson.Cut(body, MaxBodyChars) : null,
    };

    private static string Name(JsonElement arguments, string field)
    {
        var value = Required(arguments, field);
        return SafeName().IsMatch(value) ? value : throw ToolException.InvalidArgument($"'{field}' may contain only letters, digits, '-', '_' and '.'.");
    }

    private static string Number(JsonElement arguments) =>
        arguments.TryGetProperty("number", out var number)
            ? ((long)number.GetDouble()).ToString(CultureInfo.InvariantCulture)
            : throw ToolException.InvalidArgument("'number' is required for get_issue.");

    private static string Required(JsonElement arguments, string field) =>
        arguments.TryGetProperty(field, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw ToolException.InvalidArgument($"'{field}' is required for this operation.");

    [GeneratedRegex("^(?!\\.{1,2}$)[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex SafeName();
}
