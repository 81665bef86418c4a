using Chatbot.Tools.FileSystem;
using Chatbot.Tools.Invocation;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.FileSystem;

public sealed class FileSystemToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-files-").FullName;
    private readonly string _root;
    private readonly string _outside;

    public FileSystemToolTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_folder, "root")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_folder, "outside")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "reports"));
        File.WriteAllText(Path.Combine(_root, "reports", "q1.txt"), "Revenue grew 12%.");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "TOP SECRET");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task InvokeAsync_ReadInsideRoot_ReturnsContent()
    {
        var content = Content(await RunAsync(Tool(), """{"operation": "read", "path": "reports/q1.txt"}"""));

        Assert.Equal("Revenue grew 12%.", content.GetProperty("content").GetString());
        Assert.Equal("reports/q1.txt", content.GetProperty("path").GetString());
    }

    [Fact]
    public async Task InvokeAsync_List_ReturnsSortedEntries()
    {
        File.WriteAllText(Path.Combine(_root, "a.txt"), "a");

        var content = Content(await RunAsync(Tool(), """{"operation": "list", "path": "."}"""));

        var entries = content.GetProperty("entries").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("type").GetString()}");
        Assert.Equal(["a.txt:file", "reports:folder"], entries);
    }

    [Theory]
    [InlineData("../outside/secret.txt", "'..' segments are not allowed")]
    [InlineData("reports/../../outside/secret.txt", "'..' segments are not allowed")]
    [InlineData("/etc/passwd", "absolute paths are not allowed")]
    [InlineData("\\\\server\\share", "absolute paths are not allowed")]
    [InlineData("~/secret.txt", "absolute paths are not allowed")]
    public async Task InvokeAsync_PathEscapingTheRoot_IsRefused(string path, string reason)
    {
        var result = await RunAsync(Tool(), $$"""{"operation": "read", "path": {{System.Text.Json.JsonSerializer.Serialize(path)}}}""");

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains(reason, result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SymlinkedFileLeadingOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "innocent.txt"), Path.Combine(_outside, "secret.txt"));

        var result = await RunAsync(Tool(), """{"operation": "read", "path": "innocent.txt"}""");

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Contains("leads outside the root through a symbolic link", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SymlinkedFolderLeadingOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), _outside);

        var result = await RunAsync(Tool(), """{"operation": "read", "path": "shared/secret.txt"}""");

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
    }

    [Fact]
    public async Task InvokeAsync_RelativeSymlinkClimbingOut_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "reports", "up"), "../../outside");

        var result = await RunAsync(Tool(), """{"operation": "list", "path": "reports/up"}""");

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
    }

    [Fact]
    public async Task InvokeAsync_DanglingSymlinkOutside_IsRefusedForWrite()
    {
        var target = Path.Combine(_outside, "created-by-agent.txt");
        File.CreateSymbolicLink(Path.Combine(_root, "out.txt"), target);

        var result = await RunAsync(Tool(allowWrite: true), """{"operation": "write", "path": "out.txt", "content": "pwned"}""");

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task InvokeAsync_SymlinkStayingInside_IsFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "latest.txt"), Path.Combine("reports", "q1.txt"));

        var content = Content(await RunAsync(Tool(), """{"operation": "read", "path": "latest.txt"}"""));

        Assert.Equal("Revenue grew 12%.", content.GetProperty("content").GetString());
    }

    [Fact]
    public async Task InvokeAsync_WriteWithoutGrant_IsRejectedBySchema()
    {
        var result = await RunAsync(Tool(), """{"operation": "write", "path": "new.txt", "content": "x"}""");

        Assert.Equal(ToolErrorCodes.InvalidArguments, result.ErrorCode);
        Assert.False(File.Exists(Path.Combine(_root, "new.txt")));
    }

    [Fact]
    public async Task InvokeAsync_WriteWithGrant_CreatesFileUnderRoot()
    {
        var content = Content(await RunAsync(Tool(allowWrite: true), """{"operation": "write", "path": "notes/today.txt", "content": "Call the supplier."}"""));

        Assert.True(content.GetProperty("written").GetBoolean());
        Assert.Equal("Call the supplier.", File.ReadAllText(Path.Combine(_root, "notes", "today.txt")));
    }

    [Fact]
    public async Task InvokeAsync_NoRootConfigured_SaysNotConfigured()
    {
        var result = await RunAsync(new FileSystemTool(new FileSystemToolOptions()), """{"operation": "list", "path": "."}""");

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
        Assert.Contains("Chatbot:Tools:FileSystem:RootPath", result.Content, StringComparison.Ordinal);
    }

    private FileSystemTool Tool(bool allowWrite = false) => new(new FileSystemToolOptions { RootPath = _root, AllowWrite = allowWrite });
}
