using Chatbot.Testing;
using YamlDotNet.RepresentationModel;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>One document of a manifest file: a Kubernetes object, or a strategic-merge patch of one.</summary>
internal sealed record KubeObject(string File, YamlMappingNode Node)
{
    public string? ApiVersion => Node.Text("apiVersion");

    public string? Kind => Node.Text("kind");

    public string? Name => Node.Text("metadata", "name");

    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>A JSON 6902 patch file and the object it targets.</summary>
internal sealed record JsonPatch(string File, string Kind, string Name, YamlSequenceNode Operations);

/// <summary>
/// The <c>k8s/</c> tree as kustomize sees it: every YAML file, the kustomizations, the objects their <c>resources</c>
/// resolve to (base and overlays), and the overlays' patches.
/// </summary>
internal sealed class KubernetesManifests
{
    private KubernetesManifests(string root)
    {
        Root = root;
        YamlFiles = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Documents = YamlFiles.ToDictionary(f => f, Parse, StringComparer.Ordinal);
        Kustomizations = YamlFiles.Where(f => Path.GetFileName(f) == "kustomization.yaml")
            .ToDictionary(f => Path.GetDirectoryName(f)!, f => (YamlMappingNode)Documents[f].Single(), StringComparer.Ordinal);
    }

    /// <summary>The <c>k8s</c> folder.</summary>
    public string Root { get; }

    /// <summary>Every YAML file below <see cref="Root"/>.</summary>
    public IReadOnlyList<string> YamlFiles { get; }

    /// <summary>The parsed documents of each file.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<YamlNode>> Documents { get; }

    /// <summary>Kustomizations by folder.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Kustomizations { get; }

    /// <summary>The base folder.</summary>
    public string Base => Path.Combine(Root, "base");

    /// <summary>The overlay folders.</summary>
    public IReadOnlyList<string> Overlays => [.. Directory.GetDirectories(Path.Combine(Root, "overlays")).Order(StringComparer.Ordinal)];

    /// <summary>Loads the repository's <c>k8s</c> folder.</summary>
    public static KubernetesManifests Load() => new(Path.Combine(RepositoryPaths.Root, "k8s"));

    /// <summary>Files and folders a kustomization names (<c>resources</c>, patch paths, generator files), resolved.</summary>
    public IEnumerable<string> ReferencedPaths(string folder)
    {
        var kustomization = Kustomizations[folder];
        var names = kustomization.Items("resources").Select(n => n.Text())
            .Concat(kustomization.Items("patches").Select(p => p.Text("path")))
            .Concat(kustomization.Items("configMapGenerator").SelectMany(g => g.Items("files")).Select(n => n.Text()));
        return names.OfType<string>().Select(n => Path.GetFullPath(Path.Combine(folder, n)));
    }

    /// <summary>The objects a kustomization folder builds from its <c>resources</c> (recursively; generators excluded).</summary>
    public IReadOnlyList<KubeObject> ObjectsOf(string folder)
    {
        var objects = new List<KubeObject>();
        foreach (var name in Kustomizations[folder].Items("resources").Select(n => n.Text()).OfType<string>())
        {
            var path = Path.GetFullPath(Path.Combine(folder, name));
            objects.AddRange(Directory.Exists(path)
                ? ObjectsOf(path)
                : Documents[path].OfType<YamlMappingNode>().Select(node => new KubeObject(Relative(path), node)));
        }

        return objects;
    }

    /// <summary>The strategic-merge patches of a kustomization folder.</summary>
    public IReadOnlyList<KubeObject> MergePatchesOf(string folder) => Kustomizations[folder].Items("patches")
        .Where(p => p.At("target") is null)
        .SelectMany(p => Documents[Path.GetFullPath(Path.Combine(folder, p.Text("path")!))].OfType<YamlMappingNode>()
            .Select(node => new KubeObject(Relative(Path.Combine(folder, p.Text("path")!)), node)))
        .ToList();

    /// <summary>The JSON 6902 patches of a kustomization folder.</summary>
    public IReadOnlyList<JsonPatch> JsonPatchesOf(string folder) => Kustomizations[folder].Items("patches")
        .Where(p => p.At("target") is not null)
        .Select(p => new JsonPatch(
            Relative(Path.Combine(folder, p.Text("path")!)), p.Text("target", "kind")!, p.Text("target", "name")!,
            (YamlSequenceNode)Documents[Path.GetFullPath(Path.Combine(folder, p.Text("path")!))].Single()))
        .ToList();

    /// <summary>A path relative to <see cref="Root"/>, for messages.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path);

    private static IReadOnlyList<YamlNode> Parse(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode)];
    }
}
