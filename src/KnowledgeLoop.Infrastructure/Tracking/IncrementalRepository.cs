using System.Globalization;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>
/// The store's side of incremental assignment (schema migration 7): per run, the tickets imported after it with the gap
/// each was assigned to (<c>ticket_gaps</c>, source <c>incremental</c>), the last import already assigned
/// (<c>incremental_runs</c>: the watermark), and the provisional emerging gaps (<c>emerging_gaps</c>). Only the latest
/// run's rows count: the first assignment after a new run deletes every other run's rows in its transaction.
/// </summary>
public sealed class IncrementalRepository(KnowledgeStore store)
{
    private const string TicketColumns = KnowledgeStore.TicketColumns;
    private SqliteTransaction? _transaction;

    /// <summary>The <c>source</c> of a row written at import.</summary>
    public const string IncrementalSource = "incremental";

    /// <summary>The last import whose tickets are assigned to run <paramref name="runId"/>, or null when none has been yet.</summary>
    public long? Watermark(string runId)
    {
        using var command = Command("SELECT import_watermark FROM incremental_runs WHERE run_id = $run", ("$run", runId));
        return command.ExecuteScalar() is long value ? value : null;
    }

    /// <summary>When the watermark of <paramref name="runId"/> last moved, or null.</summary>
    public DateTimeOffset? UpdatedAt(string runId)
    {
        using var command = Command("SELECT updated_at FROM incremental_runs WHERE run_id = $run", ("$run", runId));
        return command.ExecuteScalar() is long value ? KnowledgeStore.Time(value) : null;
    }

    /// <summary>
    /// The watermark a run starts from: the last import that had committed when the analysis started (its
    /// <c>analyses.started_at</c>, else the run's recording time), so every later import counts as since the run.
    /// An import that committed while the analysis was reading may be counted on both sides; it is assigned exactly
    /// as the run assigned it, so only the since-run counts are affected.
    /// </summary>
    public long InitialWatermark(string runId)
    {
        using var command = Command(
            "SELECT COALESCE(MAX(id), 0) FROM imports WHERE finished_at IS NOT NULL AND finished_at <= " +
            "COALESCE((SELECT started_at FROM analyses WHERE id = $run), (SELECT recorded_at FROM gap_runs WHERE run_id = $run), 0)",
            ("$run", runId));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The highest committed import id (0 for none).</summary>
    public long LatestImportId()
    {
        using var command = Command("SELECT COALESCE(MAX(id), 0) FROM imports WHERE finished_at IS NOT NULL");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Tickets whose current version came with an import in (<paramref name="after"/>, <paramref name="upTo"/>], by id:
    /// only what assignment reads (id, created_at, customer, subject, description, messages), with that import's id and
    /// whether the latest analysis embedded the ticket (its vector is stored), in one pass.
    /// </summary>
    public IEnumerable<(Ticket Ticket, long ImportId, bool Analysed)> TicketsImported(long after, long upTo)
    {
        using var command = Command(
            "SELECT t.id, t.created_at, t.customer_id, t.subject, t.description, t.messages, t.import_id, v.id IS NOT NULL " +
            "FROM tickets t LEFT JOIN vectors v ON v.space = $space AND v.id = t.id " +
            "WHERE t.import_id > $after AND t.import_id <= $upTo ORDER BY t.id",
            ("$space", AnalysisStore.TicketSpace), ("$after", after), ("$upTo", upTo));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var ticket = new Ticket
            {
                Id = reader.GetString(0),
                CreatedAt = KnowledgeStore.Time(reader.GetInt64(1)),
                CustomerId = reader.GetString(2),
                Subject = reader.IsDBNull(3) ? null : reader.GetString(3),
                Description = reader.IsDBNull(4) ? null : reader.GetString(4),
                Messages = StoreJson.ReadMessages(reader.IsDBNull(5) ? null : reader.GetString(5)),
            };
            yield return (ticket, reader.GetInt64(6), reader.GetInt64(7) != 0);
        }
    }

    /// <summary>The stored tickets with these ids (ids not stored are skipped).</summary>
    public List<Ticket> Tickets(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var command = Command($"SELECT {TicketColumns} FROM tickets WHERE id = $id");
        var parameter = command.Parameters.Add("$id", SqliteType.Text);
        var tickets = new List<Ticket>();
        foreach (var id in ids)
        {
            parameter.Value = id;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                tickets.Add(KnowledgeStore.ReadTicket(reader));
            }
        }

        return tickets;
    }

    /// <summary>Every ticket of the given customers.</summary>
    public List<Ticket> TicketsOfCustomers(IReadOnlyCollection<string> customers)
    {
        var tickets = new List<Ticket>();
        if (customers.Count > 2000)
        {
            // Many customers: one pass over the table beats thousands of index look-ups.
            var wanted = customers as IReadOnlySet<string> ?? customers.ToHashSet(StringComparer.Ordinal);
            tickets.AddRange(store.ReadTickets().Where(t => wanted.Contains(t.CustomerId)));
            return tickets;
        }

        using var command = Command($"SELECT {TicketColumns} FROM tickets WHERE customer_id = $customer");
        var parameter = command.Parameters.Add("$customer", SqliteType.Text);
        foreach (var customer in customers)
        {
            parameter.Value = customer;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tickets.Add(KnowledgeStore.ReadTicket(reader));
            }
        }

        return tickets;
    }

    /// <summary>The latest timestamp among tickets and sessions: the "now" that decides maturity, as the metrics' default as-of does.</summary>
    public DateTimeOffset? LatestTimestamp()
    {
        using var command = Command("SELECT MAX(m) FROM (SELECT MAX(created_at) AS m FROM tickets UNION ALL SELECT MAX(resolved_at) FROM tickets UNION ALL SELECT MAX(started_at) FROM sessions)");
        return command.ExecuteScalar() is long value ? KnowledgeStore.Time(value) : null;
    }

    /// <summary>
    /// Writes the assignments of run <paramref name="runId"/> (upserting by ticket), moves its watermark to
    /// <paramref name="watermark"/> and deletes the incremental rows and emerging gaps of every other run, in the
    /// transaction of <see cref="BeginTransaction"/>.
    /// </summary>
    public void Write(string runId, IReadOnlyList<TicketGapRow> rows, long watermark, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var table in (string[])["ticket_gaps", "incremental_runs", "emerging_gaps"])
        {
            using var delete = Command($"DELETE FROM {table} WHERE run_id <> $run", ("$run", runId));
            delete.ExecuteNonQuery();
        }

        var time = at.ToUnixTimeMilliseconds();
        using (var insert = new BulkStatement(store.Connection,
            "INSERT INTO ticket_gaps (run_id, ticket_id, gap_id, source, cluster, distance, similarity, in_run, import_id, assigned_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) " +
            "ON CONFLICT (run_id, ticket_id) DO UPDATE SET gap_id = excluded.gap_id, source = excluded.source, cluster = excluded.cluster, distance = excluded.distance, " +
            "similarity = excluded.similarity, import_id = excluded.import_id, assigned_at = excluded.assigned_at"))
        {
            // in_run is kept from the first row: a ticket new since the run stays new when it is imported again.
            foreach (var row in rows)
            {
                insert.Bind(1, runId);
                insert.Bind(2, row.TicketId);
                insert.Bind(3, row.GapId);
                insert.Bind(4, IncrementalSource);
                insert.Bind(5, row.Cluster);
                insert.Bind(6, row.Distance is { } distance && float.IsFinite(distance) ? (double?)distance : null);
                insert.Bind(7, (double?)row.Similarity);
                insert.Bind(8, row.InRun ? 1 : 0);
                insert.Bind(9, row.ImportId);
                insert.Bind(10, time);
                insert.Execute();
            }
        }

        using var mark = Command(
            "INSERT INTO incremental_runs (run_id, import_watermark, updated_at) VALUES ($run, $watermark, $at) " +
            "ON CONFLICT (run_id) DO UPDATE SET import_watermark = excluded.import_watermark, updated_at = excluded.updated_at",
            ("$run", runId), ("$watermark", watermark), ("$at", time));
        mark.ExecuteNonQuery();
    }

    /// <summary>Every incremental row of run <paramref name="runId"/>, by ticket id.</summary>
    public IReadOnlyList<TicketGapRow> Rows(string runId)
    {
        using var command = Command("SELECT ticket_id, gap_id, cluster, distance, similarity, in_run, import_id FROM ticket_gaps WHERE run_id = $run ORDER BY ticket_id", ("$run", runId));
        using var reader = command.ExecuteReader();
        var rows = new List<TicketGapRow>();
        while (reader.Read())
        {
            rows.Add(new TicketGapRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : (float)reader.GetDouble(3),
                (float)reader.GetDouble(4),
                reader.GetInt64(5) != 0,
                reader.GetInt64(6)));
        }

        return rows;
    }

    /// <summary>Replaces run <paramref name="runId"/>'s emerging gaps with <paramref name="gaps"/>, keeping the creation time of an id already stored.</summary>
    public IReadOnlyList<EmergingGap> ReplaceEmerging(string runId, IReadOnlyList<EmergingGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var existing = Emerging(runId).ToDictionary(g => g.Id, g => g.CreatedAt, StringComparer.Ordinal);
        using (var delete = Command("DELETE FROM emerging_gaps WHERE run_id = $run", ("$run", runId)))
        {
            delete.ExecuteNonQuery();
        }

        var kept = gaps.Select(g => existing.TryGetValue(g.Id, out var created) ? g with { CreatedAt = created } : g).ToList();
        using var insert = new BulkStatement(store.Connection, "INSERT INTO emerging_gaps (run_id, gap_id, title, keywords, ticket_ids, tickets, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        foreach (var gap in kept)
        {
            insert.Bind(1, runId);
            insert.Bind(2, gap.Id);
            insert.Bind(3, gap.Title);
            insert.Bind(4, string.Join('\n', gap.Keywords));
            insert.Bind(5, GapRepository.EncodeIds(gap.TicketIds));
            insert.Bind(6, gap.TicketIds.Count);
            insert.Bind(7, gap.CreatedAt.ToUnixTimeMilliseconds());
            insert.Execute();
        }

        return kept;
    }

    /// <summary>Run <paramref name="runId"/>'s emerging gaps, largest first.</summary>
    public IReadOnlyList<EmergingGap> Emerging(string runId)
    {
        using var command = Command("SELECT gap_id, title, keywords, ticket_ids, created_at FROM emerging_gaps WHERE run_id = $run ORDER BY tickets DESC, gap_id", ("$run", runId));
        using var reader = command.ExecuteReader();
        var gaps = new List<EmergingGap>();
        while (reader.Read())
        {
            var keywords = reader.GetString(2);
            gaps.Add(new EmergingGap
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Keywords = keywords.Length == 0 ? [] : keywords.Split('\n'),
                TicketIds = GapRepository.DecodeIds((byte[])reader[3]),
                CreatedAt = KnowledgeStore.Time(reader.GetInt64(4)),
            });
        }

        return gaps;
    }

    /// <summary>Per gap of run <paramref name="runId"/>: its FCR numerator and denominator in the run (null when not computable).</summary>
    public IReadOnlyDictionary<string, (long? Numerator, long? Denominator)> RunFcr(string runId)
    {
        using var command = Command("SELECT gap_id, fcr_numerator, fcr_denominator FROM gap_snapshots WHERE run_id = $run", ("$run", runId));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (long?, long?)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }

        return result;
    }

    /// <summary>The stored embedder's kind and save time as one string, or null when there is none.</summary>
    public string? ModelVersion()
    {
        using var command = Command("SELECT kind || '@' || created_at FROM models WHERE name = $name", ("$name", AnalysisStore.ModelName));
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// True when the stored embedder was saved after run <paramref name="runId"/> was recorded: an analysis is being
    /// saved (model first, run last) or died between the two, so the model is not that run's.
    /// </summary>
    public bool ModelNewerThanRun(string runId)
    {
        using var command = Command(
            "SELECT m.created_at > r.recorded_at FROM models m, gap_runs r WHERE m.name = $name AND r.run_id = $run",
            ("$name", AnalysisStore.ModelName), ("$run", runId));
        return command.ExecuteScalar() is long newer && newer != 0;
    }

    /// <summary>The id of the latest stored run, or null.</summary>
    public string? LatestRunId()
    {
        using var command = Command("SELECT run_id FROM gap_runs ORDER BY seq DESC LIMIT 1");
        return command.ExecuteScalar() as string;
    }

    /// <summary>Starts the one write transaction an assignment commits in; this repository's reads and writes join it until it is disposed.</summary>
    internal SqliteTransaction BeginTransaction() => _transaction = store.Connection.BeginTransaction(deferred: false);

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        store.Command(sql, _transaction?.Connection is null ? null : _transaction, parameters);
}
