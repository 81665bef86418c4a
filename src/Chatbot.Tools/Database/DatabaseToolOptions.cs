using System.ComponentModel.DataAnnotations;

namespace Chatbot.Tools.Database;

/// <summary>
/// Settings of the <c>sql_query</c> tool (<c>Chatbot:Tools:Database</c>): one connection, queried read-only.
/// Give the tool a database role that can only read what agents may see; the read-only transaction and the
/// statement check are defences on top of that, not instead of it.
/// </summary>
public sealed class DatabaseToolOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:Database";

    /// <summary><c>sqlite</c> or <c>postgresql</c>. Without it (and a connection string) the tool answers "not configured".</summary>
    [RegularExpression("^(sqlite|postgresql)$", ErrorMessage = "Chatbot:Tools:Database:Provider must be 'sqlite' or 'postgresql'.")]
    public string? Provider { get; set; }

    /// <summary>ADO.NET connection string for the provider.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>What the model should know about the schema (tables, columns, meaning); appended to the tool description.</summary>
    public string? SchemaDescription { get; set; }

    /// <summary>Seconds one query may run before the database stops it (1–300). Default 10.</summary>
    [Range(1, 300)]
    public int StatementTimeoutSeconds { get; set; } = 10;

    /// <summary>Most rows returned (1–10,000); the model may ask for fewer. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxRows { get; set; } = 200;

    /// <summary>Longest result handed to the model, in chars (1,000–1,000,000). Default 50,000.</summary>
    [Range(1000, 1_000_000)]
    public int MaxResultChars { get; set; } = 50_000;
}

/// <summary>Known values of <see cref="DatabaseToolOptions.Provider"/>.</summary>
public static class DatabaseProviders
{
    /// <summary>SQLite through Microsoft.Data.Sqlite.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string PostgreSql = "postgresql";
}
