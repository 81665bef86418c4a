using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Chatbot.Tools.Http;

/// <summary>
/// Settings of the <c>http_get</c> tool (<c>Chatbot:Tools:Http</c>). The tool fetches only from allowed hosts, and
/// whatever the host name, never connects to a loopback, private, link-local, CGNAT, multicast, unspecified or cloud
/// metadata address (see <see cref="BlockedAddresses"/>), checked after DNS resolution and on every redirect hop.
/// </summary>
public sealed class HttpToolOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:Http";

    /// <summary>Hosts the tool may fetch from (<c>example.com</c>, <c>*.example.com</c>). Empty (the default) allows none.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Hosts refused even when an allowed pattern matches them.</summary>
    public List<string> DeniedHosts { get; set; } = [];

    /// <summary>
    /// Exact <c>ip:port</c> endpoints (<c>10.1.2.3:8080</c>, <c>[fd00::5]:443</c>) exempt from the address block:
    /// an internal service the operator chooses to expose, or a test server on loopback. Nothing else is exempt.
    /// </summary>
    public List<string> PermittedPrivateEndpoints { get; set; } = [];

    /// <summary>Allow plain <c>http://</c> URLs as well as <c>https://</c>. Default false.</summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Redirects followed before giving up (0–20); each hop is checked like the first URL. Default 5.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Seconds one call may take, redirects included (1–300). Default 20.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Bytes of a response body read at most (1 KiB–16 MiB); the rest is dropped. Default 256 KiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Longest result handed to the model, in chars (1,000–1,000,000). Default 20,000.</summary>
    [Range(1000, 1_000_000)]
    public int MaxResultChars { get; set; } = 20_000;

    /// <summary>Parsed <see cref="PermittedPrivateEndpoints"/>; throws <see cref="FormatException"/> naming a malformed entry.</summary>
    public IReadOnlySet<IPEndPoint> ParsePermittedEndpoints() => PermittedPrivateEndpoints
        .Select(e => IPEndPoint.TryParse(e, out var endpoint) && endpoint.Port != 0
            ? endpoint
            : throw new FormatException($"{SectionName}:PermittedPrivateEndpoints entry '{e}' is not an ip:port endpoint."))
        .ToHashSet();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in PermittedPrivateEndpoints)
        {
            if (!IPEndPoint.TryParse(entry, out var endpoint) || endpoint.Port == 0)
            {
                yield return new ValidationResult($"'{entry}' is not an ip:port endpoint.", [nameof(PermittedPrivateEndpoints)]);
            }
        }
    }
}
