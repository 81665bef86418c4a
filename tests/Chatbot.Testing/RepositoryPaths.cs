namespace Chatbot.Testing;

/// <summary>Folders of the source tree, found from the test's output directory (tests always run from a checkout).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries that holds <c>Chatbot.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The gateway's web UI (<c>gateway/Chatbot.Gateway/wwwroot</c>), served as the web root by test servers.</summary>
    public static string GatewayWebRoot => Path.Combine(Root, "gateway", "Chatbot.Gateway", "wwwroot");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Chatbot.sln above {AppContext.BaseDirectory}; tests must run from a checkout of the repository.");
    }
}
