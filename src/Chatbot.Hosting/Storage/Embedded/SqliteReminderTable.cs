using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Chatbot.Hosting.Storage.Embedded;

/// <summary>
/// Orleans' reminder table in the embedded SQLite file (single-machine mode), so a reminder registered before a restart
/// fires after it: a knowledge base whose index job was cut short resumes on its own, without waiting for a request.
/// Each row carries an integer version used as the ETag. SQLite calls are synchronous, so they run on the thread pool.
/// </summary>
internal sealed class SqliteReminderTable(string serviceId, string databasePath) : IReminderTable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public Task Init() => Task.Run(() =>
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        Execute("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS reminders (
                service_id TEXT NOT NULL, grain_id TEXT NOT NULL, reminder_name TEXT NOT NULL,
                grain_hash INTEGER NOT NULL, start_at INTEGER NOT NULL, period_ms INTEGER NOT NULL, version INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name));
            CREATE INDEX IF NOT EXISTS reminders_hash ON reminders (service_id, grain_hash);
            """, command => { });
    });

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query("grain_id = @g", command => command.Parameters.AddWithValue("@g", grainId.ToString()));

    // The ring range (begin, end]; it wraps around when begin >= end.
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Query(begin < end ? "grain_hash > @b AND grain_hash <= @e" : "(grain_hash > @b OR grain_hash <= @e)", command =>
        {
            command.Parameters.AddWithValue("@b", (long)begin);
            command.Parameters.AddWithValue("@e", (long)end);
        });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Query("grain_id = @g AND reminder_name = @n", command =>
        {
            command.Parameters.AddWithValue("@g", grainId.ToString());
            command.Parameters.AddWithValue("@n", reminderName);
        });
        return rows.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => Task.Run<string?>(() =>
    {
        var version = Execute("""
            INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version)
            VALUES (@s, @g, @n, @h, @start, @period, 1)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1
            RETURNING version
            """, command =>
        {
            command.Parameters.AddWithValue("@g", entry.GrainId.ToString());
            command.Parameters.AddWithValue("@n", entry.ReminderName);
            command.Parameters.AddWithValue("@h", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("@start", entry.StartAt.ToUniversalTime().Ticks);
            command.Parameters.AddWithValue("@period", (long)entry.Period.TotalMilliseconds);
        });
        return Convert.ToString(version, CultureInfo.InvariantCulture);
    });

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Task.Run(() =>
        Convert.ToInt64(Execute("""
            DELETE FROM reminders WHERE service_id = @s AND grain_id = @g AND reminder_name = @n AND version = @v;
            SELECT changes();
            """, command =>
        {
            command.Parameters.AddWithValue("@g", grainId.ToString());
            command.Parameters.AddWithValue("@n", reminderName);
            command.Parameters.AddWithValue("@v", long.TryParse(eTag, CultureInfo.InvariantCulture, out var v) ? v : -1);
        }), CultureInfo.InvariantCulture) > 0);

    public Task TestOnlyClearTable() => Task.Run(() => Execute("DELETE FROM reminders WHERE service_id = @s", command => { }));

    private Task<ReminderTableData> Query(string condition, Action<SqliteCommand> bind) => Task.Run(() =>
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_id, reminder_name, start_at, period_ms, version FROM reminders WHERE service_id = @s AND {condition}";
        command.Parameters.AddWithValue("@s", serviceId);
        bind(command);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    });

    private object? Execute(string sql, Action<SqliteCommand> bind)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@s", serviceId);
        bind(command);
        return command.ExecuteScalar();
    }
}
