using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
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
    private SqliteCommand? _ticketCommand;
    private SqliteCommand? _articleCommand;
    private SqliteCommand? _sessionCommand;
    private bool _completed;

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

    /// <summary>Rows written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Inserts the ticket, or replaces the stored one with the same id.</summary>
    public void Upsert(Ticket ticket)
    {
        var command = _ticketCommand ??= Prepare("tickets", KnowledgeStore.TicketColumns, 24);
        var p = command.Parameters;
        p[0].Value = ticket.Id;
        p[1].Value = ticket.CreatedAt.ToUnixTimeMilliseconds();
        p[2].Value = Db(ticket.ResolvedAt);
        p[3].Value = ticket.CustomerId;
        p[4].Value = Db(ticket.Subject);
        p[5].Value = Db(ticket.Description);
        p[6].Value = Db(ticket.Status);
        p[7].Value = Db(ticket.Channel);
        p[8].Value = Db(ticket.Category);
        p[9].Value = Db(ticket.Product);
        p[10].Value = Db(ticket.Priority);
        p[11].Value = Db(ticket.Group);
        p[12].Value = Db(ticket.Agent);
        p[13].Value = Db(ticket.Resolution);
        p[14].Value = ticket.ReopenCount;
        p[15].Value = ticket.Escalated ? 1 : 0;
        p[16].Value = Db(ticket.EscalationLevel);
        p[17].Value = Db(ticket.GroupTransfers);
        p[18].Value = Db(ticket.Replies);
        p[19].Value = Db(_json.Write(ticket.LinkedArticleIds));
        p[20].Value = ticket.Csat is { } csat ? csat : DBNull.Value;
        p[21].Value = ticket.ResolvedBy is { } by ? by.ToString() : DBNull.Value;
        p[22].Value = Db(_json.Write(ticket.Messages));
        p[23].Value = Db(_json.Write(ticket.Attributes));
        command.ExecuteNonQuery();
        Written++;
    }

    /// <summary>Inserts the article, or replaces the stored one with the same id.</summary>
    public void Upsert(Article article)
    {
        var command = _articleCommand ??= Prepare("articles", KnowledgeStore.ArticleColumns, 10);
        var p = command.Parameters;
        p[0].Value = article.Id;
        p[1].Value = article.Title;
        p[2].Value = article.Body;
        p[3].Value = article.Format.ToString();
        p[4].Value = Db(article.Url);
        p[5].Value = Db(article.CreatedAt);
        p[6].Value = Db(article.UpdatedAt);
        p[7].Value = Db(_json.Write(article.Tags));
        p[8].Value = Db(article.Section);
        p[9].Value = Db(_json.Write(article.Attributes));
        command.ExecuteNonQuery();
        Written++;
    }

    /// <summary>Inserts the session, or replaces the stored one with the same id.</summary>
    public void Upsert(SelfServiceSession session)
    {
        var command = _sessionCommand ??= Prepare("sessions", KnowledgeStore.SessionColumns, 7);
        var p = command.Parameters;
        p[0].Value = session.Id;
        p[1].Value = session.CustomerId;
        p[2].Value = session.StartedAt.ToUnixTimeMilliseconds();
        p[3].Value = Db(session.Query);
        p[4].Value = Db(_json.Write(session.ViewedArticleIds));
        p[5].Value = Db(session.Channel);
        p[6].Value = Db(_json.Write(session.Attributes));
        command.ExecuteNonQuery();
        Written++;
    }

    /// <summary>Makes every upsert durable together with the import-log entry.</summary>
    /// <param name="rejected">Rows of the file that were rejected (kept in the log).</param>
    public void Commit(long rejected = 0)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
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

    private SqliteCommand Prepare(string table, string columns, int count)
    {
        var names = columns.Split(", ");
        var values = string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i));
        var updates = string.Join(", ", names.Skip(1).Select(n => $"{n} = excluded.{n}"));
        var command = Command(
            $"INSERT INTO {table} ({columns}, import_id) VALUES ({values}, $import) " +
            $"ON CONFLICT (id) DO UPDATE SET {updates}, import_id = excluded.import_id");
        for (var i = 0; i < count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Parameters.AddWithValue("$import", _importId);
        command.Prepare();
        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static object Db(int? value) => value is { } v ? v : DBNull.Value;

    private static object Db(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;
}
