using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// One atomic write into the store: upserts rows by id inside a single transaction, which commits with its
/// import-log entry or not at all (disposing without <see cref="Commit"/> rolls back, as does a crash).
/// Calls are synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and per-row tasks would
/// only slow a million-row import down.
/// </summary>
public sealed class StoreWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly long _importId;
    private readonly StoreJson _json = new();
    private BulkStatement? _ticketCommand;
    private BulkStatement? _articleCommand;
    private BulkStatement? _sessionCommand;
    private readonly List<(string Name, string Sql)> _droppedIndexes = [];
    private readonly Dictionary<string, long> _writtenPerTable = new(StringComparer.Ordinal);
    private bool _completed;

    /// <summary>
    /// From this many rows on, a write drops the table's secondary indexes and builds them again at commit:
    /// building an index once over sorted keys is several times cheaper than maintaining it row by row. The
    /// drop happens inside the transaction, so a rollback or a crash brings the indexes back with the data.
    /// </summary>
    internal const int BulkThreshold = 20_000;

    internal StoreWriter(SqliteConnection connection, string kind, string file, string format)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: false);
        using var command = Command("INSERT INTO imports (kind, file, format, started_at) VALUES ($kind, $file, $format, $at) RETURNING id");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$file", file);
        command.Parameters.AddWithValue("$format", format);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _importId = (long)command.ExecuteScalar()!;
    }

    /// <summary>Secondary indexes dropped for this write, to be rebuilt at commit.</summary>
    internal IReadOnlyList<string> DeferredIndexes => _droppedIndexes.ConvertAll(i => i.Name);

    /// <summary>Rows written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Inserts the ticket, or replaces the stored one with the same id.</summary>
    public void Upsert(Ticket ticket)
    {
        var c = _ticketCommand ??= Prepare("tickets", KnowledgeStore.TicketColumns, 24);
        c.Bind(1, ticket.Id);
        c.Bind(2, ticket.CreatedAt.ToUnixTimeMilliseconds());
        c.Bind(3, Db(ticket.ResolvedAt));
        c.Bind(4, ticket.CustomerId);
        c.Bind(5, ticket.Subject);
        c.Bind(6, ticket.Description);
        c.Bind(7, ticket.Status);
        c.Bind(8, ticket.Channel);
        c.Bind(9, ticket.Category);
        c.Bind(10, ticket.Product);
        c.Bind(11, ticket.Priority);
        c.Bind(12, ticket.Group);
        c.Bind(13, ticket.Agent);
        c.Bind(14, ticket.Resolution);
        c.Bind(15, ticket.ReopenCount);
        c.Bind(16, ticket.Escalated ? 1 : 0);
        c.Bind(17, Db(ticket.EscalationLevel));
        c.Bind(18, Db(ticket.GroupTransfers));
        c.Bind(19, Db(ticket.Replies));
        c.Bind(20, _json.Write(ticket.LinkedArticleIds));
        c.Bind(21, ticket.Csat);
        c.Bind(22, ticket.ResolvedBy?.ToString());
        c.Bind(23, _json.Write(ticket.Messages));
        c.Bind(24, _json.Write(ticket.Attributes));
        c.Execute();
        Written++;
        DeferIndexesWhenBulk("tickets");
    }

    /// <summary>Inserts the article, or replaces the stored one with the same id.</summary>
    public void Upsert(Article article)
    {
        var c = _articleCommand ??= Prepare("articles", KnowledgeStore.ArticleColumns, 10);
        c.Bind(1, article.Id);
        c.Bind(2, article.Title);
        c.Bind(3, article.Body);
        c.Bind(4, article.Format.ToString());
        c.Bind(5, article.Url);
        c.Bind(6, Db(article.CreatedAt));
        c.Bind(7, Db(article.UpdatedAt));
        c.Bind(8, _json.Write(article.Tags));
        c.Bind(9, article.Section);
        c.Bind(10, _json.Write(article.Attributes));
        c.Execute();
        Written++;
        DeferIndexesWhenBulk("articles");
    }

    /// <summary>Inserts the session, or replaces the stored one with the same id.</summary>
    public void Upsert(SelfServiceSession session)
    {
        var c = _sessionCommand ??= Prepare("sessions", KnowledgeStore.SessionColumns, 7);
        c.Bind(1, session.Id);
        c.Bind(2, session.CustomerId);
        c.Bind(3, session.StartedAt.ToUnixTimeMilliseconds());
        c.Bind(4, session.Query);
        c.Bind(5, _json.Write(session.ViewedArticleIds));
        c.Bind(6, session.Channel);
        c.Bind(7, _json.Write(session.Attributes));
        c.Execute();
        Written++;
        DeferIndexesWhenBulk("sessions");
    }

    /// <summary>Makes every upsert durable together with the import-log entry.</summary>
    /// <param name="rejected">Rows of the file that were rejected (kept in the log).</param>
    public void Commit(long rejected = 0)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        foreach (var (_, sql) in _droppedIndexes)
        {
            using var create = Command(sql);
            create.ExecuteNonQuery();
        }

        _droppedIndexes.Clear();
        using (var command = Command("UPDATE imports SET finished_at = $at, rows = $rows, rejected = $rejected WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$rows", Written);
            command.Parameters.AddWithValue("$rejected", rejected);
            command.Parameters.AddWithValue("$id", _importId);
            command.ExecuteNonQuery();
        }

        _transaction.Commit();
        _completed = true;
    }

    /// <summary>Discards everything written, as if the import never started.</summary>
    public void Rollback()
    {
        if (!_completed)
        {
            _transaction.Rollback();
            _completed = true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Rollback();
        _ticketCommand?.Dispose();
        _articleCommand?.Dispose();
        _sessionCommand?.Dispose();
        _transaction.Dispose();
    }

    private void DeferIndexesWhenBulk(string table)
    {
        var written = _writtenPerTable[table] = _writtenPerTable.GetValueOrDefault(table) + 1;
        if (written != BulkThreshold)
        {
            return;
        }

        // Rebuilding costs time in proportion to the whole table: only worth it when the table held little
        // before this write (a first import, or a small store getting a large file).
        using (var count = Command($"SELECT COUNT(*) FROM {table}"))
        {
            var rows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (rows > BulkThreshold * 4)
            {
                return;
            }
        }

        var indexes = new List<(string Name, string Sql)>();
        using (var list = Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL"))
        {
            list.Parameters.AddWithValue("$table", table);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        _droppedIndexes.AddRange(indexes);
        foreach (var (name, _) in indexes)
        {
            using var drop = Command($"DROP INDEX \"{name}\"");
            drop.ExecuteNonQuery();
        }
    }

    private BulkStatement Prepare(string table, string columns, int count)
    {

        var names = columns.Split(", ");
        var values = string.Join(", ", Enumerable.Range(1, count + 1).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture)));
        var updates = string.Join(", ", names.Skip(1).Select(n => $"{n} = excluded.{n}"));
        var statement = new BulkStatement(
            _connection,
            $"INSERT INTO {table} ({columns}, import_id) VALUES ({values}) " +
            $"ON CONFLICT (id) DO UPDATE SET {updates}, import_id = excluded.import_id");
        statement.Bind(count + 1, _importId);
        return statement;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private static long? Db(int? value) => value;

    private static long? Db(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();
}
