using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Testing.Gateway;

/// <summary>Bearer tokens as the gateway accepts them with <c>Chatbot:Auth:SigningKey</c> (HS256, default issuer and audience).</summary>
public static class TestTokens
{
    /// <summary>A signing key long enough for HS256 (32 bytes or more); configure it as <c>Chatbot:Auth:SigningKey</c>.</summary>
    public const string SigningKey = "chatbot-tests-signing-key-0123456789abcdef";

    /// <summary>A token for <paramref name="tenantId"/> valid for an hour, signed with <paramref name="signingKey"/>.</summary>
    public static string Create(string tenantId, string signingKey = SigningKey, string issuer = "chatbot", string audience = "chatbot")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "e2e-user"), new Claim("tenant_id", tenantId)]),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
