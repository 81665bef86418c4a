using System.ComponentModel.DataAnnotations;

namespace Chatbot.Tools.FileSystem;

/// <summary>
/// Settings of the <c>files</c> tool (<c>Chatbot:Tools:FileSystem</c>). The tool sees only the folder
/// <see cref="RootPath"/> and what lies beneath it; it is read-only unless <see cref="AllowWrite"/> is granted.
/// </summary>
public sealed class FileSystemToolOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:FileSystem";

    /// <summary>The folder the tool may see; must exist. Without it the tool answers "not configured".</summary>
    public string? RootPath { get; set; }

    /// <summary>Grants the <c>write</c> operation (create or replace a file under the root). Default false.</summary>
    public bool AllowWrite { get; set; }

    /// <summary>Largest file read or written, in bytes (1 KiB–64 MiB); longer files are read up to this size. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>Most entries one <c>list</c> returns (1–10,000). Default 500.</summary>
    [Range(1, 10_000)]
    public int MaxListEntries { get; set; } = 500;

    /// <summary>Longest result handed to the model, in chars (1,000–1,000,000). Default 50,000.</summary>
    [Range(1000, 1_000_000)]
    public int MaxResultChars { get; set; } = 50_000;
}
