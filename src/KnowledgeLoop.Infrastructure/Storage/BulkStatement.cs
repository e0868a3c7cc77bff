using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// A prepared, parameterized statement run once per row of a bulk write, bound by position straight on
/// SQLite's handle. Microsoft.Data.Sqlite looks every parameter up by name and allocates on each execution,
/// which costs more than the insert itself at a million rows; this binds the same SQL without that overhead.
/// It runs inside the connection's current transaction like any other statement.
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = ArrayPool<byte>.Shared.Rent(4096);

    public BulkStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        ParameterCount = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>How many parameters the SQL has ($1-style positions are 1-based).</summary>
    public int ParameterCount { get; }

    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return;
        }

        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _utf8.Length)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            _utf8 = ArrayPool<byte>.Shared.Rent(needed);
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);

        // sqlite3_bind_text with a span copies the bytes (SQLITE_TRANSIENT), so the buffer can be reused.
        Check(raw.sqlite3_bind_text(_statement, position, new ReadOnlySpan<byte>(_utf8, 0, length)));
    }

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void Bind(int position, long? value)
    {
        if (value is { } v)
        {
            Bind(position, v);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, position));
        }
    }

    public void Bind(int position, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, position, v) : raw.sqlite3_bind_null(_statement, position));

    /// <summary>Binds a blob (copied by SQLite, so the span may be reused).</summary>
    public void Bind(int position, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, position, value));

    /// <summary>Runs the statement with the bound values, then clears it for the next row.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_utf8);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
