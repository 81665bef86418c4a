using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Chatbot.Testing.Mcp;

/// <summary>
/// The MCP Inspector's CLI (npm <c>@modelcontextprotocol/inspector</c>, installed into <c>tests/mcp-inspector</c> by
/// <c>scripts/install-test-deps.sh</c>), run as a user would: <c>npx @modelcontextprotocol/inspector --cli URL
/// --transport http --method …</c>. A missing install is an error naming the command that installs it.
/// </summary>
public static class McpInspector
{
    /// <summary>Where the package and its <c>node_modules</c> live.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "mcp-inspector");

    /// <summary>Runs the CLI against <paramref name="url"/> with <paramref name="arguments"/> (after <c>--transport http</c>) and returns its JSON output.</summary>
    public static async Task<JsonElement> RunAsync(Uri url, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "inspector", "package.json")))
        {
            throw new InvalidOperationException(
                $"The MCP Inspector is not installed in {Folder}. Run 'bash scripts/install-test-deps.sh' (or 'npm ci --prefix tests/mcp-inspector'; needs Debian's nodejs and npm).");
        }

        var start = new ProcessStartInfo("npx")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-install", "@modelcontextprotocol/inspector", "--cli", url.ToString(), "--transport", "http" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var json = output.IndexOf('{', StringComparison.Ordinal);
        if (process.ExitCode != 0 || json < 0)
        {
            throw new InvalidOperationException(
                $"'npx {string.Join(' ', start.ArgumentList)}' exited with code {process.ExitCode}:{Environment.NewLine}{output}{await stderr}");
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(output[json..]));
        return document.RootElement.Clone();
    }
}
