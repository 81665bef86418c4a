namespace Chatbot.Testing.Processes;

/// <summary>
/// Paths of the platform's built applications (<c>silo/Chatbot.Silo</c>, <c>gateway/Chatbot.Gateway</c>), in the same
/// build configuration as the running test assembly. A test project references them with
/// <c>ReferenceOutputAssembly="false"</c> so that building the tests builds them.
/// </summary>
public static class BuiltApp
{
    /// <summary>The silo process' entry assembly.</summary>
    public static string Silo => Find("silo", "Chatbot.Silo");

    /// <summary>The gateway process' entry assembly.</summary>
    public static string Gateway => Find("gateway", "Chatbot.Gateway");

    private static string Find(string folder, string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;                       // net10.0
        var configuration = testBin.Parent!.Name;           // Release | Debug
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Chatbot.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Chatbot.sln above {AppContext.BaseDirectory}.");
        }

        var path = Path.Combine(root.FullName, folder, project, "bin", configuration, framework, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build {folder}/{project} in {configuration} first.");
    }
}
