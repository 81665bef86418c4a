using System.Globalization;
using Npgsql;
using Xunit;

namespace Chatbot.Testing.Servers;

/// <summary>
/// A private PostgreSQL cluster for one test run: <c>initdb</c> in a temporary folder, started with <c>pg_ctl</c> on a
/// free loopback port (as user <c>postgres</c> when the tests run as root), stopped and deleted on dispose. Durability
/// is switched off (<c>fsync=off</c>); nothing here outlives the run. Use it as an xunit assembly or collection fixture,
/// or through <see cref="StartAsync"/>. Thread-safe once started.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private const int BindAttempts = 5;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private string? _folder;
    private string? _dataFolder;
    private string? _binFolder;

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of the <c>chatbot</c> database, created at start.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Starts a server; the caller disposes it.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new PostgresServer();
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database (a unique name when <paramref name="name"/> is null) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= "db_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(BuildConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return BuildConnectionString(name);
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataFolder is not null && _binFolder is not null && File.Exists(Path.Combine(_dataFolder, "postmaster.pid")))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await PgCtlAsync(["stop", "-D", _dataFolder, "-m", "immediate", "-w"], timeout.Token);
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    async ValueTask IAsyncLifetime.InitializeAsync() => await StartCoreAsync(TestContext.Current.CancellationToken);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        var token = timeout.Token;

        _binFolder = ServerBinary.PostgresBinFolder();
        _folder = Directory.CreateTempSubdirectory("chatbot-pg-").FullName;
        _dataFolder = Path.Combine(_folder, "data");
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres user.
            await CommandLine.RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", _folder], user: null, token);
        }

        await CommandLine.RunAsync(
            Path.Combine(_binFolder, "initdb"),
            ["-D", _dataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"],
            Superuser,
            token);

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var log = Path.Combine(_folder, $"postgres-{attempt}.log");
            try
            {
                var options = string.Join(' ',
                    $"-p {Port.ToString(CultureInfo.InvariantCulture)}", "-h 127.0.0.1", $"-k {_folder}",
                    "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=400");
                await PgCtlAsync(["start", "-D", _dataFolder, "-w", "-t", "60", "-l", log, "-o", options], token);
                break;
            }
            catch (InvalidOperationException) when (attempt < BindAttempts && ReadLog(log).Contains("could not bind", StringComparison.Ordinal))
            {
                // Another process took the port between FreePort.Next() and the bind: try a fresh one.
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"PostgreSQL did not start. Server log:{Environment.NewLine}{ReadLog(log)}", ex);
            }
        }

        ConnectionString = await CreateDatabaseAsync("chatbot", token);
    }

    private Task<string> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        CommandLine.RunAsync(Path.Combine(_binFolder!, "pg_ctl"), arguments, Superuser, cancellationToken);

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 15,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static string ReadLog(string path) => File.Exists(path) ? File.ReadAllText(path) : "(no log written)";
}
