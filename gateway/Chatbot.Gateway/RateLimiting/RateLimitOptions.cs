using System.ComponentModel.DataAnnotations;

namespace Chatbot.Gateway.RateLimiting;

/// <summary>Per-tenant request limits (<c>Chatbot:RateLimit</c>), applied by each gateway process.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:RateLimit";

    /// <summary>Whether API requests are limited. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a tenant may make per window (1–1,000,000). Default 600.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>Window length in seconds (1–3600). Default 60.</summary>
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
