namespace Chatbot.Testing.Servers;

/// <summary>
/// Finds the executables of the servers tests start. A missing binary is an error naming the Debian package to install,
/// never a silently skipped test.
/// </summary>
internal static class ServerBinary
{
    /// <summary>The full path of <paramref name="name"/> on the PATH, or throws naming <paramref name="debianPackage"/>.</summary>
    public static string OnPath(string name, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        return path ?? throw Missing(name, debianPackage);
    }

    /// <summary>The folder holding PostgreSQL's <c>initdb</c> and <c>pg_ctl</c> (newest installed major version).</summary>
    public static string PostgresBinFolder()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault() ?? throw Missing("initdb (/usr/lib/postgresql/<version>/bin)", "postgresql");
    }

    private static InvalidOperationException Missing(string binary, string debianPackage) => new(
        $"'{binary}' was not found. Tests start a private server and need it installed: " +
        $"apt-get install {debianPackage} (or run 'make deps', which installs every test dependency).");
}
