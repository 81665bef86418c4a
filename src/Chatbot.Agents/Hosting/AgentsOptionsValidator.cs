using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chatbot.Agents.Hosting;

/// <summary>Checks <see cref="AgentsOptions"/> beyond the ranges: MCP server URLs and names, the reminder period.</summary>
public sealed partial class AgentsOptionsValidator : IValidateOptions<AgentsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentsOptions options)
    {
        var failures = new List<string>();
        if (options.RunReminderPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{AgentsOptions.SectionName}:RunReminderPeriod must be at least 00:00:01.");
        }

        foreach (var (tenant, servers) in options.McpServers)
        {
            for (var i = 0; i < servers.Count; i++)
            {
                var setting = $"{AgentsOptions.SectionName}:McpServers:{tenant}:{i}";
                if (!Uri.TryCreate(servers[i].Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    failures.Add($"{setting}:Url must be an absolute http or https URL (got '{servers[i].Url}').");
                }

                if (servers[i].Name is { Length: > 0 } serverName && !NamePattern().IsMatch(serverName))
                {
                    failures.Add($"{setting}:Name must be 1-32 letters, digits, '_' or '-'.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex NamePattern();
}
