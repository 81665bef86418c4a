using System.ComponentModel.DataAnnotations;

namespace Chatbot.Hosting;

/// <summary>Where the platform keeps its data and how silos find each other (<c>Chatbot</c> section).</summary>
public sealed class ChatbotHostingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot";

    /// <summary>Folder for the embedded database and other local files. Default <c>./data</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chatbot:DataDirectory is required.")]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Cluster membership settings.</summary>
    public ClusteringOptions Clustering { get; set; } = new();

    /// <summary>Grain state storage settings.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>This silo's role in the cluster (its accelerator).</summary>
    public ChatbotSiloOptions Silo { get; set; } = new();
}

/// <summary>Cluster membership (<c>Chatbot:Clustering</c>).</summary>
public sealed class ClusteringOptions
{
    /// <summary><c>localhost</c> (default, one machine), <c>redis</c>, <c>adonet</c> (PostgreSQL), or <c>external</c>
    /// (membership is configured by the host itself, as Orleans' in-process test cluster does).</summary>
    [RegularExpression("^(localhost|redis|adonet|external)$", ErrorMessage = "Chatbot:Clustering:Provider must be 'localhost', 'redis', 'adonet' or 'external'.")]
    public string Provider { get; set; } = ClusteringProviders.Localhost;

    /// <summary>Redis configuration string (<c>host:port</c>) or PostgreSQL connection string; required unless localhost.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster. Default <c>chatbot</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chatbot:Clustering:ClusterId is required.")]
    public string ClusterId { get; set; } = "chatbot";

    /// <summary>Orleans service id; keep it stable across deployments, grain state is keyed by it. Default <c>chatbot</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chatbot:Clustering:ServiceId is required.")]
    public string ServiceId { get; set; } = "chatbot";

    /// <summary>Port for silo-to-silo traffic. Default 11111.</summary>
    [Range(1, 65535, ErrorMessage = "Chatbot:Clustering:SiloPort must be between 1 and 65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (gateways) connect to. Default 30000.</summary>
    [Range(1, 65535, ErrorMessage = "Chatbot:Clustering:GatewayPort must be between 1 and 65535.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this silo on; default: the loopback address for <c>localhost</c>, else the
    /// first non-loopback IPv4 address of the machine (set it to the pod IP on Kubernetes).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Seconds a silo waits for a probe answer before counting it missed (fast failure detection). Default 1.</summary>
    [Range(1, 60, ErrorMessage = "Chatbot:Clustering:ProbeTimeoutSeconds must be between 1 and 60.")]
    public int ProbeTimeoutSeconds { get; set; } = 1;

    /// <summary>Missed probes before a silo is suspected. Default 2.</summary>
    [Range(1, 10, ErrorMessage = "Chatbot:Clustering:MissedProbesLimit must be between 1 and 10.")]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// Seconds a grain call waits for its answer, on gateways and silos alike. It bounds how long a call to a grain on a
    /// silo that just died hangs before the caller retries elsewhere; streamed answers send a heartbeat every half of it,
    /// so a slow model never trips it. Default 10.
    /// </summary>
    [Range(2, 300, ErrorMessage = "Chatbot:Clustering:ResponseTimeoutSeconds must be between 2 and 300.")]
    public int ResponseTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Running on Kubernetes: the silo takes its name and address from the pod (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>,
    /// <c>POD_IP</c>) and watches the silo pods, so a deleted pod's silo is declared dead at once (needs the RBAC in
    /// <c>k8s/base</c>). Membership still goes through <see cref="Provider"/>. Default false.
    /// </summary>
    public bool Kubernetes { get; set; }
}

/// <summary>Known values of <see cref="ClusteringOptions.Provider"/>.</summary>
public static class ClusteringProviders
{
    /// <summary>Single machine: silos on the loopback address.</summary>
    public const string Localhost = "localhost";

    /// <summary>Membership table in Redis.</summary>
    public const string Redis = "redis";

    /// <summary>Membership table in PostgreSQL (Orleans ADO.NET clustering).</summary>
    public const string AdoNet = "adonet";

    /// <summary>Membership configured by the host, not by the platform (test clusters).</summary>
    public const string External = "external";
}

/// <summary>Grain state storage (<c>Chatbot:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary><c>embedded</c> (default: SQLite file in the data directory), <c>adonet</c> (PostgreSQL) or <c>memory</c> (tests only; nothing survives a restart).</summary>
    [RegularExpression("^(embedded|adonet|memory)$", ErrorMessage = "Chatbot:Storage:Provider must be 'embedded', 'adonet' or 'memory'.")]
    public string Provider { get; set; } = StorageProviders.Embedded;

    /// <summary>PostgreSQL connection string; required for <c>adonet</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply the project's PostgreSQL schema at start-up (idempotent). Default true.</summary>
    public bool ApplyMigrations { get; set; } = true;
}

/// <summary>Known values of <see cref="StorageOptions.Provider"/>.</summary>
public static class StorageProviders
{
    /// <summary>SQLite file in <see cref="ChatbotHostingOptions.DataDirectory"/>.</summary>
    public const string Embedded = "embedded";

    /// <summary>PostgreSQL through Orleans' ADO.NET provider.</summary>
    public const string AdoNet = "adonet";

    /// <summary>In memory; for tests.</summary>
    public const string Memory = "memory";
}
