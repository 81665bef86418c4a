namespace Chatbot.Tools.GitHub;

/// <summary>
/// Settings of the <c>github</c> tool (<c>Chatbot:Tools:GitHub</c>): the REST API endpoint and a token. Without a
/// token the tool answers "not configured". Give it a fine-grained, read-only token.
/// </summary>
public sealed class GitHubToolOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:GitHub";

    /// <summary>API base URL. Default <c>https://api.github.com</c>; GitHub Enterprise uses <c>https://host/api/v3</c>.</summary>
    public string Endpoint { get; set; } = "https://api.github.com";

    /// <summary>Token sent as a bearer token.</summary>
    public string? Token { get; set; }
}
