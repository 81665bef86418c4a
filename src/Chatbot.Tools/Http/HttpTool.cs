using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chatbot.Tools.Invocation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tools.Http;

/// <summary>
/// <c>http_get</c>: fetches a URL from an allowed host and returns status, content type and (text) body. Redirects
/// are followed by hand, each hop checked against the host lists before the request and against the address block
/// when connecting (<see cref="GuardedConnector"/>); proxies and cookies are off. Thread-safe; dispose to close
/// pooled connections.
/// </summary>
public sealed partial class HttpTool : IAgentTool, IDisposable
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "http_get";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "url": { "type": "string", "minLength": 1, "maxLength": 2048, "description": "Absolute https URL to fetch." }
          },
          "required": ["url"],
          "additionalProperties": false
        }
        """;

    private readonly HttpToolOptions _options;
    private readonly HttpClient _client;
    private readonly ILogger _logger;

    /// <summary>Creates the tool; throws <see cref="FormatException"/> for a malformed permitted endpoint.</summary>
    public HttpTool(HttpToolOptions options, IHostResolver? resolver = null, ILogger<HttpTool>? logger = null)
    {
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var connector = new GuardedConnector(resolver ?? new DnsHostResolver(), options.ParsePermittedEndpoints());
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ChatbotAgent", "1.0"));
        Definition = new ToolDefinition(
            ToolName,
            "Fetch a web page or API response by HTTP GET from an allowed host. Returns status, content type and text body.",
            ToolDefinition.ParseSchema(Schema),
            TimeSpan.FromSeconds(options.TimeoutSeconds),
            options.MaxResultChars);
    }

    /// <inheritdoc />
    public ToolDefinition Definition { get; }

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var url = arguments.GetProperty("url").GetString()!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw ToolException.InvalidArgument($"'{url}' is not an absolute URL.");
        }

        var hops = new List<string>();
        while (true)
        {
            CheckUrl(uri);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await SendAsync(request, uri, cancellationToken);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (hops.Count >= _options.MaxRedirects)
                {
                    throw new ToolException(ToolErrorCodes.Failed, $"Gave up after {_options.MaxRedirects} redirects (last: {uri}).");
                }

                hops.Add(uri.ToString());
                uri = new Uri(uri, location);
                continue;
            }

            return ToolResult.Success(await DescribeAsync(uri, response, hops, cancellationToken));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private void CheckUrl(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(_options.AllowPlainHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            throw new ToolException(ToolErrorCodes.Denied, $"Refused '{uri}': only {(_options.AllowPlainHttp ? "http and https" : "https")} URLs are allowed.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ToolException(ToolErrorCodes.Denied, $"Refused '{uri.GetLeftPart(UriPartial.Scheme)}…': URLs with credentials are not allowed.");
        }

        var host = uri.IdnHost;
        if (_options.DeniedHosts.Any(p => HostNames.Matches(p, host)) || !_options.AllowedHosts.Any(p => HostNames.Matches(p, host)))
        {
            throw new ToolException(ToolErrorCodes.Denied, $"Refused '{uri}': the host '{host}' is not on the allow-list.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (FindBlocked(ex) is { } blocked)
        {
            LogBlocked(_logger, uri.IdnHost, blocked.Address.ToString());
            throw new ToolException(ToolErrorCodes.Denied, blocked.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ToolException(ToolErrorCodes.Failed, $"Request to '{uri}' failed: {ex.Message}", ex);
        }
    }

    private async Task<string> DescribeAsync(Uri uri, HttpResponseMessage response, List<string> hops, CancellationToken cancellationToken)
    {
        var contentType = response.Content.Headers.ContentType;
        var (body, truncated, bytes) = IsText(contentType)
            ? await ReadTextAsync(response.Content, contentType, cancellationToken)
            : ($"[{contentType?.MediaType ?? "unknown"} content not shown]", false, 0);
        return JsonSerializer.Serialize(new
        {
            url = uri.ToString(),
            status = (int)response.StatusCode,
            content_type = contentType?.ToString(),
            redirects = hops,
            body,
            body_bytes = bytes,
            truncated,
        });
    }

    private async Task<(string Body, bool Truncated, int Bytes)> ReadTextAsync(
        HttpContent content, MediaTypeHeaderValue? contentType, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxResponseBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var truncated = read > _options.MaxResponseBytes;
        var length = Math.Min(read, _options.MaxResponseBytes);
        return (Charset(contentType).GetString(buffer, 0, length), truncated, length);
    }

    private static Encoding Charset(MediaTypeHeaderValue? contentType)
    {
        try
        {
            return contentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static bool IsText(MediaTypeHeaderValue? contentType) => contentType?.MediaType is not { } type
        || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || type.EndsWith("json", StringComparison.OrdinalIgnoreCase)
        || type.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
        || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static BlockedAddressException? FindBlocked(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "http_get refused to connect to {Host}: it resolves to the blocked address {Address}")]
    private static partial void LogBlocked(ILogger logger, string host, string address);
}
