using System.Text;
using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.FileSystem;

/// <summary>
/// <c>files</c>: lists folders and reads text files under a configured root, and writes files there when
/// <see cref="FileSystemToolOptions.AllowWrite"/> is granted. Every path goes through <see cref="SandboxRoot"/>.
/// Thread-safe.
/// </summary>
public sealed class FileSystemTool : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "files";

    private readonly FileSystemToolOptions _options;
    private readonly SandboxRoot? _root;

    /// <summary>Creates the tool; throws <see cref="DirectoryNotFoundException"/> when the configured root is missing.</summary>
    public FileSystemTool(FileSystemToolOptions options)
    {
        _options = options;
        _root = string.IsNullOrWhiteSpace(options.RootPath) ? null : new SandboxRoot(options.RootPath);
        var operations = options.AllowWrite ? """["list", "read", "write"]""" : """["list", "read"]""";
        Definition = new ToolDefinition(
            ToolName,
            options.AllowWrite
                ? "List folders, read text files and write text files in the shared workspace. Paths are relative to the workspace root."
                : "List folders and read text files in the shared workspace (read-only). Paths are relative to the workspace root.",
            ToolDefinition.ParseSchema($$"""
                {
                  "type": "object",
                  "properties": {
                    "operation": { "type": "string", "enum": {{operations}} },
                    "path": { "type": "string", "maxLength": 1024, "description": "Relative path, e.g. 'reports/2024.txt'; '.' is the root." },
                    "content": { "type": "string", "description": "Text to write (write only)." }
                  },
                  "required": ["operation", "path"],
                  "additionalProperties": false
                }
                """),
            TimeSpan.FromSeconds(10),
            options.MaxResultChars);
    }

    /// <inheritdoc />
    public ToolDefinition Definition { get; }

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var root = _root ?? throw ToolException.NotConfigured(ToolName, $"{FileSystemToolOptions.SectionName}:RootPath");
        var operation = arguments.GetProperty("operation").GetString();
        var path = root.Resolve(arguments.GetProperty("path").GetString()!);
        return operation switch
        {
            "list" => List(root, path),
            "read" => await ReadAsync(root, path, cancellationToken),
            "write" when _options.AllowWrite => await WriteAsync(root, path, arguments, cancellationToken),
            _ => throw new ToolException(ToolErrorCodes.Denied, $"The operation '{operation}' is not granted."),
        };
    }

    private ToolResult List(SandboxRoot root, string path)
    {
        if (!Directory.Exists(path))
        {
            throw ToolException.InvalidArgument($"'{root.Relative(path)}' is not a folder.");
        }

        var entries = new DirectoryInfo(path).EnumerateFileSystemInfos()
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Take(_options.MaxListEntries + 1)
            .Select(e => new
            {
                name = e.Name,
                type = e.LinkTarget is not null ? "link" : e is DirectoryInfo ? "folder" : "file",
                bytes = e is FileInfo { LinkTarget: null } file ? file.Length : (long?)null,
            })
            .ToList();
        var truncated = entries.Count > _options.MaxListEntries;
        return ToolResult.Success(JsonSerializer.Serialize(new
        {
            path = root.Relative(path),
            entries = entries.Take(_options.MaxListEntries),
            truncated,
        }));
    }

    private async Task<ToolResult> ReadAsync(SandboxRoot root, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw ToolException.InvalidArgument($"'{root.Relative(path)}' is not a file.");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var buffer = new byte[(int)Math.Min(stream.Length, _options.MaxFileBytes)];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return ToolResult.Success(JsonSerializer.Serialize(new
        {
            path = root.Relative(path),
            bytes = stream.Length,
            truncated = stream.Length > buffer.Length,
            content = Encoding.UTF8.GetString(buffer),
        }));
    }

    private async Task<ToolResult> WriteAsync(SandboxRoot root, string path, JsonElement arguments, CancellationToken cancellationToken)
    {
        if (!arguments.TryGetProperty("content", out var contentElement) || contentElement.ValueKind != JsonValueKind.String)
        {
            throw ToolException.InvalidArgument("'content' is required to write.");
        }

        var bytes = Encoding.UTF8.GetBytes(contentElement.GetString()!);
        if (bytes.Length > _options.MaxFileBytes)
        {
            throw ToolException.InvalidArgument($"The content is {bytes.Length} bytes; the limit is {_options.MaxFileBytes}.");
        }

        if (path == root.Root || Directory.Exists(path))
        {
            throw ToolException.InvalidArgument($"'{root.Relative(path)}' is a folder.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return ToolResult.Success(JsonSerializer.Serialize(new { path = root.Relative(path), bytes = bytes.Length, written = true }));
    }
}
