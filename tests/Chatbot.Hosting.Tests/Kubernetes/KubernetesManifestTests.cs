using System.Text.Json;
using System.Xml.Linq;
using Chatbot.Grains.Placement;
using Chatbot.Hosting.Health;
using Chatbot.Hosting.Telemetry;
using Chatbot.Knowledge;
using Chatbot.Testing;
using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>
/// The manifests in <c>k8s/</c> hold together and agree with the code: what kustomize reads exists, objects reference
/// each other correctly, and images, ports, paths and settings are the ones the processes use.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Load();

    private static IReadOnlyList<KubeObject> Base => Manifests.ObjectsOf(Manifests.Base);

    private static IEnumerable<KubeObject> Deployments => Base.Where(o => o.Kind == "Deployment");

    private static KubeObject Deployment(string name) => Assert.Single(Deployments, d => d.Name == name);

    private static IReadOnlyList<YamlNode> Containers(KubeObject deployment) => deployment.Node.Items("spec", "template", "spec", "containers");

    private static IReadOnlyDictionary<string, string> PodLabels(KubeObject deployment) => deployment.Node.Strings("spec", "template", "metadata", "labels");

    private static IEnumerable<(string Name, YamlNode Value)> Env(YamlNode container) =>
        container.Items("env").Select(e => (e.Text("name")!, e));

    private static int Port(YamlNode container, string name) =>
        int.Parse(Assert.Single(container.Items("ports"), p => p.Text("name") == name).Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void YamlFiles_EveryFileParses()
    {
        Assert.NotEmpty(Manifests.YamlFiles);
        Assert.All(Manifests.YamlFiles, file => Assert.NotEmpty(Manifests.Documents[file]));
    }

    [Fact]
    public void Kustomizations_EveryReferencedFileExistsAndEveryFileIsReferenced()
    {
        Assert.Contains(Manifests.Base, Manifests.Kustomizations.Keys);
        Assert.Equal(["dev", "prod"], Manifests.Overlays.Select(Path.GetFileName));
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Manifests.Kustomizations.Keys)
        {
            foreach (var path in Manifests.ReferencedPaths(folder))
            {
                Assert.True(File.Exists(path) || File.Exists(Path.Combine(path, "kustomization.yaml")),
                    $"{Manifests.Relative(folder)}/kustomization.yaml names {Manifests.Relative(path)}, which does not exist.");
                referenced.Add(path);
            }
        }

        var orphans = Manifests.YamlFiles.Where(f => Path.GetFileName(f) != "kustomization.yaml" && !referenced.Contains(f));
        Assert.Empty(orphans.Select(Manifests.Relative));
    }

    [Fact]
    public void Objects_HaveApiVersionKindAndName()
    {
        var objects = Manifests.Kustomizations.Keys.SelectMany(Manifests.ObjectsOf).ToList();

        Assert.All(objects, o => Assert.False(
            string.IsNullOrEmpty(o.ApiVersion) || string.IsNullOrEmpty(o.Kind) || string.IsNullOrEmpty(o.Name), $"{o} lacks apiVersion, kind or metadata.name."));
        Assert.Equal(Base.Count, Base.DistinctBy(o => (o.Kind, o.Name)).Count());
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount"],
            Base.Select(o => o.Kind!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deployments_ContainersRunTheProjectsImagesWithNamedPorts()
    {
        var gateway = Repository("gateway/Chatbot.Gateway/Chatbot.Gateway.csproj");
        var silo = Repository("silo/Chatbot.Silo/Chatbot.Silo.csproj");
        var expected = new Dictionary<string, string>
        {
            ["chatbot-gateway"] = gateway,
            ["chatbot-silo-cpu"] = silo,
            ["chatbot-silo-gpu"] = silo + "-gpu",
        };

        Assert.Equal(expected.Keys.Order(), Deployments.Select(d => d.Name!).Order());
        foreach (var deployment in Deployments)
        {
            var container = Assert.Single(Containers(deployment));
            Assert.Equal(expected[deployment.Name!], container.Text("image")!.Split(':')[0]);
            Assert.NotEmpty(container.Items("ports"));
            Assert.All(container.Items("ports"), p => Assert.False(string.IsNullOrEmpty(p.Text("name")), $"{deployment}: unnamed port"));
            Assert.Equal(PodLabels(deployment).Intersect(deployment.Node.Strings("spec", "selector", "matchLabels")).Count(),
                deployment.Node.Strings("spec", "selector", "matchLabels").Count);
        }

        foreach (var overlay in Manifests.Overlays)
        {
            Assert.All(Manifests.Kustomizations[overlay].Items("images"), i => Assert.Contains(i.Text("name"), expected.Values));
        }
    }

    [Fact]
    public void ContainerPorts_AgreeWithThePortsAndPathsTheCodeUses()
    {
        var clustering = new ClusteringOptions();
        var siloHttp = new Uri(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "silo/Chatbot.Silo/appsettings.json")))
            .RootElement.GetProperty("Urls").GetString()!.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        foreach (var name in new[] { "chatbot-silo-cpu", "chatbot-silo-gpu" })
        {
            var silo = Deployment(name);
            var container = Assert.Single(Containers(silo));
            Assert.Equal(clustering.SiloPort, Port(container, "silo"));
            Assert.Equal(clustering.GatewayPort, Port(container, "orleans-gateway"));
            Assert.Equal(siloHttp, Port(container, "http"));
            Assert.Equal(ContainerPorts("silo/Chatbot.Silo/Chatbot.Silo.csproj"), container.Items("ports").Select(p => int.Parse(p.Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
            AssertProbesAndScraping(silo, container);
        }

        var gateway = Deployment("chatbot-gateway");
        var gatewayContainer = Assert.Single(Containers(gateway));
        var args = gatewayContainer.Items("args").Select(a => a.Text()!).ToList();
        var urls = new Uri(args[args.IndexOf("--urls") + 1].Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        Assert.Equal(urls.Port, Port(gatewayContainer, "http"));
        Assert.Equal(Chatbot.Gateway.GatewayOptions.DefaultGrpcPort, Port(gatewayContainer, "grpc"));
        Assert.Equal(ContainerPorts("gateway/Chatbot.Gateway/Chatbot.Gateway.csproj"), new[] { Port(gatewayContainer, "http"), Port(gatewayContainer, "grpc") }.Order());
        AssertProbesAndScraping(gateway, gatewayContainer);
    }

    [Fact]
    public void Services_SelectPodsOfADeploymentAndTargetTheirPorts()
    {
        foreach (var service in Base.Where(o => o.Kind == "Service"))
        {
            var selector = service.Node.Strings("spec", "selector");
            var selected = Deployments.Where(d => selector.All(kv => PodLabels(d).GetValueOrDefault(kv.Key) == kv.Value)).ToList();
            Assert.True(selector.Count > 0 && selected.Count > 0, $"{service} selects no deployment's pods.");
            foreach (var port in service.Node.Items("spec", "ports"))
            {
                Assert.All(selected, d => Assert.Contains(port.Text("targetPort"), Containers(d).SelectMany(c => c.Items("ports")).Select(p => p.Text("name"))));
            }
        }
    }

    [Fact]
    public void OperationsObjects_ReferenceObjectsThatExist()
    {
        foreach (var pdb in Base.Where(o => o.Kind == "PodDisruptionBudget"))
        {
            var selector = pdb.Node.Strings("spec", "selector", "matchLabels");
            Assert.True(Deployments.Any(d => selector.All(kv => PodLabels(d).GetValueOrDefault(kv.Key) == kv.Value)), $"{pdb} selects no pods.");
        }

        var hpa = Assert.Single(Base, o => o.Kind == "HorizontalPodAutoscaler");
        Assert.Equal("Deployment", hpa.Node.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal("chatbot-gateway", Deployment(hpa.Node.Text("spec", "scaleTargetRef", "name")!).Name);
        Assert.Equal("cpu", Assert.Single(hpa.Node.Items("spec", "metrics")).Text("resource", "name"));
        Assert.NotNull(Assert.Single(Containers(Deployment("chatbot-gateway"))).Text("resources", "requests", "cpu"));

        var ingress = Assert.Single(Base, o => o.Kind == "Ingress");
        foreach (var backend in ingress.Node.Items("spec", "rules").SelectMany(r => r.Items("http", "paths")).Select(p => p.At("backend", "service")))
        {
            var service = Assert.Single(Base, o => o.Kind == "Service" && o.Name == backend.Text("name"));
            Assert.Contains(backend.Text("port", "name"), service.Node.Items("spec", "ports").Select(p => p.Text("name")));
        }

        var configMaps = Base.Where(o => o.Kind == "ConfigMap").Select(o => o.Name).ToHashSet();
        var secret = Assert.Single(Base, o => o.Kind == "Secret");
        foreach (var container in Deployments.SelectMany(Containers))
        {
            Assert.All(container.Items("envFrom"), e => Assert.Contains(e.Text("configMapRef", "name"), configMaps));
            foreach (var reference in container.Items("env").Select(e => e.At("valueFrom", "secretKeyRef")).OfType<YamlNode>())
            {
                Assert.Equal(secret.Name, reference.Text("name"));
                Assert.Contains(reference.Text("key")!, secret.Node.Strings("stringData").Keys);
            }
        }
    }

    [Fact]
    public void EnvironmentVariables_NameSettingsTheCodeReads()
    {
        var kubernetesVariables = new[]
        {
            KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable, KubernetesHostingOptions.ServiceIdEnvironmentVariable,
            KubernetesHostingOptions.ClusterIdEnvironmentVariable,
        };
        var configMaps = Manifests.Kustomizations.Keys
            .SelectMany(f => Manifests.ObjectsOf(f).Concat(Manifests.MergePatchesOf(f)))
            .Where(o => o.Kind == "ConfigMap" && o.Name == "chatbot-config");
        var names = configMaps.SelectMany(c => c.Node.Strings("data").Keys)
            .Concat(Deployments.SelectMany(Containers).SelectMany(c => Env(c).Select(e => e.Name)))
            .Distinct()
            .ToList();

        Assert.Contains("Chatbot__Silo__Accelerator", names);
        Assert.All(names, name => Assert.True(
            kubernetesVariables.Contains(name) || (name.StartsWith("Chatbot__", StringComparison.Ordinal) && SettingKeys.Exists(SettingKeys.FromEnvironmentVariable(name))),
            $"{name} names no setting of the platform."));
    }

    [Fact]
    public void GpuSilo_RequestsAGpuOnGpuNodesAndPublishesTheAccelerator()
    {
        var gpu = Deployment("chatbot-silo-gpu");
        var container = Assert.Single(Containers(gpu));

        Assert.Equal("1", container.Text("resources", "limits", "nvidia.com/gpu"));
        Assert.NotEmpty(gpu.Node.Strings("spec", "template", "spec", "nodeSelector"));
        Assert.Contains(gpu.Node.Items("spec", "template", "spec", "tolerations"), t => t.Text("key") == "nvidia.com/gpu" && t.Text("effect") == "NoSchedule");
        Assert.Equal(AcceleratorMetadata.Gpu, Env(container).Single(e => e.Name == "Chatbot__Silo__Accelerator").Value.Text("value"));

        var cpu = Assert.Single(Containers(Deployment("chatbot-silo-cpu")));
        Assert.Null(cpu.Text("resources", "limits", "nvidia.com/gpu"));
        Assert.Equal(AcceleratorMetadata.Cpu, Env(cpu).Single(e => e.Name == "Chatbot__Silo__Accelerator").Value.Text("value"));
    }

    [Fact]
    public void Silos_AreSetUpForOrleansKubernetesHosting()
    {
        var role = Assert.Single(Base, o => o.Kind == "Role");
        var rule = Assert.Single(role.Node.Items("rules"), r => r.Items("resources").Any(x => x.Text() == "pods"));
        Assert.Equal(["delete", "get", "list", "watch"], rule.Items("verbs").Select(v => v.Text()!).Order(StringComparer.Ordinal));
        var binding = Assert.Single(Base, o => o.Kind == "RoleBinding");
        Assert.Equal(role.Name, binding.Node.Text("roleRef", "name"));
        var account = Assert.Single(Base, o => o.Kind == "ServiceAccount");
        Assert.Contains(binding.Node.Items("subjects"), s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account.Name);
        var settings = Assert.Single(Base, o => o.Kind == "ConfigMap" && o.Name == "chatbot-config").Node.Strings("data");

        foreach (var silo in new[] { Deployment("chatbot-silo-cpu"), Deployment("chatbot-silo-gpu") })
        {
            Assert.Equal(account.Name, silo.Node.Text("spec", "template", "spec", "serviceAccountName"));
            var labels = PodLabels(silo);
            Assert.Equal(settings["Chatbot__Clustering__ServiceId"], labels[KubernetesHostingOptions.ServiceIdLabel]);
            Assert.Equal(settings["Chatbot__Clustering__ClusterId"], labels[KubernetesHostingOptions.ClusterIdLabel]);
            var env = Env(Assert.Single(Containers(silo))).ToDictionary(e => e.Name, e => e.Value);
            Assert.Equal("true", env["Chatbot__Clustering__Kubernetes"].Text("value"));
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", env[KubernetesHostingOptions.ServiceIdEnvironmentVariable].Text("valueFrom", "fieldRef", "fieldPath"));
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", env[KubernetesHostingOptions.ClusterIdEnvironmentVariable].Text("valueFrom", "fieldRef", "fieldPath"));
            Assert.Equal("metadata.name", env[KubernetesHostingOptions.PodNameEnvironmentVariable].Text("valueFrom", "fieldRef", "fieldPath"));
            Assert.Equal("status.podIP", env["Chatbot__Clustering__AdvertisedAddress"].Text("valueFrom", "fieldRef", "fieldPath"));
        }
    }

    [Fact]
    public void Ingress_KeepsStreamsOpenUnbufferedAndAcceptsTheLargestUpload()
    {
        var annotations = Assert.Single(Base, o => o.Kind == "Ingress").Node.Strings("metadata", "annotations");

        Assert.Equal("3600", annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]);
        Assert.Equal("3600", annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]);
        Assert.Equal("off", annotations["nginx.ingress.kubernetes.io/proxy-buffering"]);
        var bodySize = annotations["nginx.ingress.kubernetes.io/proxy-body-size"];
        Assert.EndsWith("m", bodySize, StringComparison.Ordinal);
        Assert.True(long.Parse(bodySize[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 >= new KnowledgeOptions().MaxUploadBytes);
    }

    [Fact]
    public void Overlays_PatchOnlyObjectsTheBaseDefines()
    {
        var defined = Base.Select(o => (o.Kind, o.Name)).ToHashSet();
        foreach (var overlay in Manifests.Overlays)
        {
            Assert.Equal(["../../base"], Manifests.Kustomizations[overlay].Items("resources").Select(r => r.Text()!).Where(r => r.StartsWith("..", StringComparison.Ordinal)));
            Assert.False(string.IsNullOrEmpty(Manifests.Kustomizations[overlay].Text("namespace")), $"{overlay} sets no namespace.");
            Assert.All(Manifests.MergePatchesOf(overlay), p => Assert.Contains((p.Kind, p.Name), defined));
            Assert.All(Manifests.JsonPatchesOf(overlay), p =>
            {
                Assert.Contains((p.Kind, p.Name), defined);
                Assert.All(p.Operations.Children, op => Assert.Contains(op.Text("op"), new[] { "add", "replace", "remove" }));
            });
            var containerNames = Deployments.ToDictionary(d => d.Name!, d => Containers(d).Select(c => c.Text("name")).ToHashSet());
            foreach (var patch in Manifests.MergePatchesOf(overlay).Where(p => p.Kind == "Deployment"))
            {
                Assert.All(patch.Node.Items("spec", "template", "spec", "containers"), c => Assert.Contains(c.Text("name"), containerNames[patch.Name!]));
            }
        }
    }

    private static void AssertProbesAndScraping(KubeObject deployment, YamlNode container)
    {
        Assert.Equal(ChatbotHealthChecks.ReadinessPath, container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal(ChatbotHealthChecks.LivenessPath, container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("http", container.Text("readinessProbe", "httpGet", "port"));
        Assert.Equal("http", container.Text("livenessProbe", "httpGet", "port"));
        var annotations = deployment.Node.Strings("spec", "template", "metadata", "annotations");
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(TelemetryExtensions.MetricsPath, annotations["prometheus.io/path"]);
        Assert.Equal(Port(container, "http").ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
    }

    private static string Repository(string project) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, project)).Descendants("ContainerRepository").Single().Value;

    private static IEnumerable<int> ContainerPorts(string project) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, project)).Descendants("ContainerPort")
            .Select(p => int.Parse(p.Attribute("Include")!.Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
}
