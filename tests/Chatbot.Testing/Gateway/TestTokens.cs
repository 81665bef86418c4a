using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Testing.Gateway;

/// <summary>HS256 tokens signed with a test key, shaped as the gateway expects by default.</summary>
public static class TestTokens
{
    /// <summary>A signing key long enough for HS256.</summary>
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    /// <summary>Settings that make a gateway require tokens signed with <see cref="SigningKey"/>.</summary>
    public static IReadOnlyDictionary<string, string> RequireTokens { get; } = new Dictionary<string, string>
    {
        ["Chatbot:Auth:AllowAnonymous"] = "false",
        ["Chatbot:Auth:SigningKey"] = SigningKey,
    };

    /// <summary>A token for <paramref name="tenant"/> (no tenant claim when null), with <paramref name="roles"/> in its <c>roles</c> claim.</summary>
    public static string For(
        string? tenant, string key = SigningKey, string issuer = "chatbot", string audience = "chatbot", IReadOnlyList<string>? roles = null)
    {
        var claims = new List<Claim> { new("sub", "user-" + (tenant ?? "none")) };
        if (tenant is not null)
        {
            claims.Add(new Claim("tenant_id", tenant));
        }

        claims.AddRange((roles ?? []).Select(role => new Claim("roles", role)));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
