using System.Globalization;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode holding tickets, articles and sessions (and, with later
/// versions of the schema, runs, reports, vectors and gap history). Migrations run on open. All SQL is
/// parameterized. One instance owns one connection and is not thread-safe; open one per unit of work.
/// </summary>
public sealed class KnowledgeStore : IDisposable
{
    internal const string TicketColumns =
        "id, created_at, resolved_at, customer_id, subject, description, status, channel, category, product, priority, " +
        "\"group\", agent, resolution, reopen_count, escalated, escalation_level, group_transfers, replies, " +
        "linked_article_ids, csat, resolved_by, messages, attributes";

    internal const string ArticleColumns = "id, title, body, format, url, created_at, updated_at, tags, section, attributes";

    internal const string SessionColumns = "id, customer_id, started_at, query, viewed_article_ids, channel, attributes";

    private readonly SqliteConnection _connection;

    private KnowledgeStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion => SchemaMigrations.CurrentVersion(_connection);

    /// <summary>The connection, for Infrastructure code that adds its own tables through migrations.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>A command on this store's connection with its <c>$name</c> parameters bound (null as SQL NULL), in <paramref name="transaction"/> when given.</summary>
    internal SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static KnowledgeStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"Can't create the store {path}: the folder {directory} does not exist.");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
            SchemaMigrations.Apply(connection);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 26 or 11)
        {
            connection.Dispose();
            throw new StoreException($"{path} is not a KnowledgeLoop store (SQLite: {exception.Message}).", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new KnowledgeStore(fullPath, connection);
    }

    /// <summary>Starts one atomic write (one import of one file): nothing is visible or kept until it commits.</summary>
    /// <param name="kind">What is imported: tickets, articles or sessions.</param>
    /// <param name="file">The source file, recorded in the import log.</param>
    /// <param name="format">The preset used.</param>
    public StoreWriter BeginWrite(string kind, string file, string format) => new(_connection, kind, file, format);

    /// <summary>All tickets, oldest first, streamed from the file.</summary>
    public IEnumerable<Ticket> ReadTickets(CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TicketColumns} FROM tickets ORDER BY created_at, id";
        using var reader = command.ExecuteReader();
        var pool = new Ingestion.StringPool();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadTicket(reader, pool);
        }
    }

    /// <summary>One ticket by id, or null.</summary>
    public Ticket? FindTicket(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TicketColumns} FROM tickets WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadTicket(reader, null) : null;
    }

    /// <summary>All articles, by id.</summary>
    public IEnumerable<Article> ReadArticles(CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Article
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Body = reader.GetString(2),
                Format = Enum.Parse<ArticleFormat>(reader.GetString(3)),
                Url = NullableString(reader, 4),
                CreatedAt = NullableTime(reader, 5),
                UpdatedAt = NullableTime(reader, 6),
                Tags = StoreJson.ReadList(NullableString(reader, 7)),
                Section = NullableString(reader, 8),
                Attributes = StoreJson.ReadAttributes(NullableString(reader, 9)),
            };
        }
    }

    /// <summary>All self-service sessions, oldest first.</summary>
    public IEnumerable<SelfServiceSession> ReadSessions(CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {SessionColumns} FROM sessions ORDER BY started_at, id";
        using var reader = command.ExecuteReader();
        var pool = new Ingestion.StringPool();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SelfServiceSession
            {
                Id = reader.GetString(0),
                CustomerId = pool.Get(reader.GetString(1))!,
                StartedAt = Time(reader.GetInt64(2)),
                Query = NullableString(reader, 3),
                ViewedArticleIds = StoreJson.ReadList(NullableString(reader, 4)),
                Channel = pool.Get(NullableString(reader, 5)),
                Attributes = StoreJson.ReadAttributes(NullableString(reader, 6)),
            };
        }
    }

    /// <summary>How many tickets, articles, sessions and imports the store holds.</summary>
    public StoreCounts Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COUNT(*) FROM tickets), (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM imports)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>SQLite's own consistency check: "ok" when the file is sound.</summary>
    public string CheckIntegrity()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    /// <summary>A ticket from a row of <see cref="TicketColumns"/>; <paramref name="pool"/> (when reading many) shares the repeating columns' strings.</summary>
    internal static Ticket ReadTicket(SqliteDataReader reader, Ingestion.StringPool? pool = null) => new()
    {
        Id = reader.GetString(0),
        CreatedAt = Time(reader.GetInt64(1)),
        ResolvedAt = NullableTime(reader, 2),
        CustomerId = Pooled(pool, reader.GetString(3))!,
        Subject = NullableString(reader, 4),
        Description = NullableString(reader, 5),
        Status = Pooled(pool, NullableString(reader, 6)),
        Channel = Pooled(pool, NullableString(reader, 7)),
        Category = Pooled(pool, NullableString(reader, 8)),
        Product = Pooled(pool, NullableString(reader, 9)),
        Priority = Pooled(pool, NullableString(reader, 10)),
        Group = Pooled(pool, NullableString(reader, 11)),
        Agent = Pooled(pool, NullableString(reader, 12)),
        Resolution = NullableString(reader, 13),
        ReopenCount = reader.GetInt32(14),
        Escalated = reader.GetInt64(15) != 0,
        EscalationLevel = reader.IsDBNull(16) ? null : reader.GetInt32(16),
        GroupTransfers = reader.IsDBNull(17) ? null : reader.GetInt32(17),
        Replies = reader.IsDBNull(18) ? null : reader.GetInt32(18),
        LinkedArticleIds = StoreJson.ReadList(NullableString(reader, 19)),
        Csat = reader.IsDBNull(20) ? null : reader.GetDouble(20),
        ResolvedBy = reader.IsDBNull(21) ? null : Enum.Parse<ResolvedBy>(reader.GetString(21)),
        Messages = StoreJson.ReadMessages(NullableString(reader, 22)),
        Attributes = StoreJson.ReadAttributes(NullableString(reader, 23)),
    };

    private static string? Pooled(Ingestion.StringPool? pool, string? value) => pool is null ? value : pool.Get(value);

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
