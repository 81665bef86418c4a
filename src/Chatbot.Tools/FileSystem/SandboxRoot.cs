using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.FileSystem;

/// <summary>
/// Maps a relative path from the model to a real path under the root, or refuses it: absolute paths, <c>..</c>
/// segments, and any path whose symbolic links (resolved component by component, as <c>realpath</c> does, dangling
/// links included) lead outside the root. Thread-safe. A process that can swap folders for links under the root
/// between this check and the open could still race it; keep the root writable only by this service.
/// </summary>
internal sealed class SandboxRoot
{
    private const int MaxLinks = 40;
    private readonly string _root;

    public SandboxRoot(string rootPath)
    {
        var full = Path.GetFullPath(rootPath);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The files tool root '{full}' does not exist.");
        }

        _root = RealPath(full);
    }

    /// <summary>The root, with its own links resolved.</summary>
    public string Root => _root;

    /// <summary>The real path of <paramref name="relativePath"/>; throws <see cref="ToolException"/> when it would leave the root.</summary>
    public string Resolve(string relativePath)
    {
        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw ToolException.InvalidArgument("The path contains a NUL character.");
        }

        var normalized = relativePath.Replace('\\', '/').Trim();
        if (Path.IsPathRooted(relativePath) || normalized.StartsWith('/') || normalized.StartsWith('~')
            || (normalized.Length >= 2 && normalized[1] == ':'))
        {
            throw Denied(relativePath, "absolute paths are not allowed; give a path relative to the root");
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Contains("..", StringComparer.Ordinal))
        {
            throw Denied(relativePath, "'..' segments are not allowed");
        }

        var real = RealPath(Path.Join([_root, .. segments]));
        return real == _root || real.StartsWith(_root + "/", StringComparison.Ordinal)
            ? real
            : throw Denied(relativePath, "it leads outside the root through a symbolic link");
    }

    /// <summary>The path relative to the root, with <c>/</c> separators (<c>.</c> for the root itself).</summary>
    public string Relative(string realPath) => realPath == _root ? "." : Path.GetRelativePath(_root, realPath).Replace('\\', '/');

    // realpath(3) that tolerates missing tails: links are expanded wherever they are, existing or dangling.
    private static string RealPath(string absolutePath)
    {
        var pending = new Queue<string>(absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Dequeue();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new ToolException(ToolErrorCodes.Denied, $"Refused '{absolutePath}': too many levels of symbolic links.");
                }

                pending = new Queue<string>(target.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(pending));
                if (target.StartsWith('/'))
                {
                    current = "/";
                }

                continue;
            }

            current = next;
        }

        return current;
    }

    private static ToolException Denied(string path, string why) => new(ToolErrorCodes.Denied, $"Refused '{path}': {why}.");
}
