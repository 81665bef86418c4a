using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Hosting.Storage;

/// <summary>
/// One schema file of <c>Storage/Sql/PostgreSQL</c> (embedded): <c>NNNN_name.sql</c>, applied in version order.
/// Files are idempotent, so a changed file (a new <see cref="Checksum"/>) is simply applied again.
/// </summary>
/// <param name="Version">The file's number prefix.</param>
/// <param name="Name">The file name without the number and extension.</param>
/// <param name="Sql">The statements.</param>
public sealed record PostgresMigration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Chatbot.Hosting.Storage.Sql.PostgreSQL.";

    /// <summary>SHA-256 of <see cref="Sql"/> (hex), recorded with the applied version.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>All migrations shipped in this assembly, in the order they are applied.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } = Load();

    private static PostgresMigration[] Load()
    {
        var assembly = typeof(PostgresMigration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(assembly, n))
            .OrderBy(m => m.Version)
            .ToArray();
    }

    private static PostgresMigration Parse(Assembly assembly, string resource)
    {
        var file = resource[ResourcePrefix.Length..^".sql".Length];
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(file[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{file}.sql' must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new PostgresMigration(version, file[(separator + 1)..], reader.ReadToEnd());
    }
}
