using System.ComponentModel.DataAnnotations;

namespace Chatbot.Gateway.Auth;

/// <summary>Authentication and tenancy (<c>Chatbot:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Auth";

    /// <summary>Let requests without a token in, as tenant <c>default</c>. Default false; the single-machine profile
    /// (<c>make run</c>) turns it on.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Symmetric key (UTF-8, at least 32 bytes) that signs HS256 tokens. Use this or <see cref="Authority"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority whose published keys sign the tokens (e.g. <c>https://login.example.com/realms/acme</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>Expected <c>iss</c> of tokens signed with <see cref="SigningKey"/>. Default <c>chatbot</c>.</summary>
    public string Issuer { get; set; } = "chatbot";

    /// <summary>Expected <c>aud</c> of tokens. Default <c>chatbot</c>.</summary>
    [Required]
    public string Audience { get; set; } = "chatbot";

    /// <summary>Claim that carries the tenant id. Default <c>tenant_id</c>.</summary>
    [Required]
    public string TenantClaim { get; set; } = "tenant_id";

    /// <summary>Claim that carries the caller's roles (one claim per role, or a JSON array). Default <c>roles</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chatbot:Auth:RoleClaim is required.")]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Role that may open operator pages (the Orleans dashboard). Default <c>admin</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chatbot:Auth:AdminRole is required.")]
    public string AdminRole { get; set; } = "admin";
}
