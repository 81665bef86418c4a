namespace Chatbot.Tenants;

/// <summary>
/// Validation and normalisation of tenant identifiers. Every grain key starts with the tenant, so a tenant id may not
/// contain the key separator and is restricted to a conservative character set.
/// </summary>
public static class TenantId
{
    /// <summary>The tenant anonymous callers are mapped to when configuration allows anonymous access.</summary>
    public const string Default = "default";

    /// <summary>Longest accepted tenant id, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="value"/> is 1–64 characters of ASCII letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
