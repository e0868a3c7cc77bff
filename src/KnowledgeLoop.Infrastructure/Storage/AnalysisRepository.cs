using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// The service's background analyses in the store (schema migration 3): status, stage and progress, and the finished
/// report.json as text, so a restart or a second reader sees the same history.
/// </summary>
public sealed class AnalysisRepository(KnowledgeStore store)
{
    private const string Columns = "id, status, stage, percent, error, created_at, started_at, finished_at, seed, clusters, as_of, gap_count";

    /// <summary>Records a new queued analysis.</summary>
    public void Insert(AnalysisRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Execute(
            "INSERT INTO analyses (id, status, stage, percent, error, created_at, started_at, finished_at, seed, clusters, as_of, gap_count) " +
            "VALUES ($id, $status, $stage, $percent, $error, $created, $started, $finished, $seed, $clusters, $asOf, $gaps)",
            ("$id", record.Id),
            ("$status", Name(record.Status)),
            ("$stage", record.Stage),
            ("$percent", record.Percent),
            ("$error", record.Error),
            ("$created", record.CreatedAt.ToUnixTimeMilliseconds()),
            ("$started", record.StartedAt?.ToUnixTimeMilliseconds()),
            ("$finished", record.FinishedAt?.ToUnixTimeMilliseconds()),
            ("$seed", record.Seed),
            ("$clusters", record.Clusters),
            ("$asOf", record.AsOf?.ToUnixTimeMilliseconds()),
            ("$gaps", record.GapCount));
    }

    /// <summary>
    /// Records an analysis that ran outside the service (<c>knowledgeloop analyze --store</c>, <c>demo</c>) as succeeded,
    /// with its report, so the service and the page show it like one of their own; returns its id.
    /// </summary>
    public string RecordFinished(string reportJson, int gapCount, DateTimeOffset startedAt, DateTimeOffset finishedAt, int? seed = null, int? clusters = null, DateTimeOffset? asOf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportJson);
        var id = NewId(startedAt);

        // One statement, so a crash can't leave a half-recorded run behind.
        Execute(
            "INSERT INTO analyses (id, status, stage, percent, error, created_at, started_at, finished_at, seed, clusters, as_of, gap_count, report) " +
            "VALUES ($id, $status, NULL, 100, NULL, $started, $started, $finished, $seed, $clusters, $asOf, $gaps, $report)",
            ("$id", id),
            ("$status", Name(AnalysisRunStatus.Succeeded)),
            ("$started", startedAt.ToUnixTimeMilliseconds()),
            ("$finished", finishedAt.ToUnixTimeMilliseconds()),
            ("$seed", seed),
            ("$clusters", clusters),
            ("$asOf", asOf?.ToUnixTimeMilliseconds()),
            ("$gaps", gapCount),
            ("$report", reportJson));
        return id;
    }

    /// <summary>A new analysis id: sortable by time and unique without coordination, e.g. <c>a-20261123T203000123-1f2e3d4c</c>.</summary>
    public static string NewId(DateTimeOffset now) => string.Create(
        CultureInfo.InvariantCulture,
        $"a-{now.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}");

    /// <summary>One analysis, or null.</summary>
    public AnalysisRecord? Find(string id)
    {
        using var command = Command($"SELECT {Columns} FROM analyses WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>The newest analyses first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AnalysisRecord> List(int limit = 100)
    {
        using var command = Command($"SELECT {Columns} FROM analyses ORDER BY created_at DESC, rowid DESC LIMIT $limit", ("$limit", limit));
        using var reader = command.ExecuteReader();
        var list = new List<AnalysisRecord>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <summary>The newest analysis of any status, or null.</summary>
    public AnalysisRecord? Latest() => List(1) is [var latest] ? latest : null;

    /// <summary>The newest analysis that succeeded, or null.</summary>
    public AnalysisRecord? LatestSucceeded()
    {
        using var command = Command(
            $"SELECT {Columns} FROM analyses WHERE status = $status ORDER BY finished_at DESC, rowid DESC LIMIT 1",
            ("$status", Name(AnalysisRunStatus.Succeeded)));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>The report.json text of a succeeded analysis, or null.</summary>
    public string? ReadReport(string id)
    {
        using var command = Command("SELECT report FROM analyses WHERE id = $id", ("$id", id));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Marks a queued analysis running; false when it is no longer queued (cancelled meanwhile).</summary>
    public bool MarkRunning(string id, DateTimeOffset at) => Execute(
        "UPDATE analyses SET status = $running, started_at = $at, percent = 0 WHERE id = $id AND status = $queued",
        ("$id", id), ("$running", Name(AnalysisRunStatus.Running)), ("$queued", Name(AnalysisRunStatus.Queued)), ("$at", at.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Records the stage and overall percent of a running analysis.</summary>
    public void UpdateProgress(string id, string stage, double percent) => Execute(
        "UPDATE analyses SET stage = $stage, percent = $percent WHERE id = $id AND status = $running",
        ("$id", id), ("$stage", stage), ("$percent", percent), ("$running", Name(AnalysisRunStatus.Running)));

    /// <summary>Records a finished report.</summary>
    public void MarkSucceeded(string id, string reportJson, int gapCount, DateTimeOffset at) => Execute(
        "UPDATE analyses SET status = $status, percent = 100, error = NULL, report = $report, gap_count = $gaps, finished_at = $at WHERE id = $id",
        ("$id", id), ("$status", Name(AnalysisRunStatus.Succeeded)), ("$report", reportJson), ("$gaps", gapCount), ("$at", at.ToUnixTimeMilliseconds()));

    /// <summary>Ends an analysis that has not finished yet as failed or cancelled; false when it had already finished.</summary>
    public bool MarkEnded(string id, AnalysisRunStatus status, string? error, DateTimeOffset at)
    {
        if (status is not (AnalysisRunStatus.Failed or AnalysisRunStatus.Cancelled))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only failed or cancelled end an analysis this way.");
        }

        return Execute(
            "UPDATE analyses SET status = $status, error = $error, finished_at = $at WHERE id = $id AND status IN ($queued, $running)",
            ("$id", id), ("$status", Name(status)), ("$error", error), ("$at", at.ToUnixTimeMilliseconds()),
            ("$queued", Name(AnalysisRunStatus.Queued)), ("$running", Name(AnalysisRunStatus.Running))) == 1;
    }

    /// <summary>Cancels an analysis that is still queued; false when it is not (any more).</summary>
    public bool CancelQueued(string id, DateTimeOffset at) => Execute(
        "UPDATE analyses SET status = $cancelled, finished_at = $at WHERE id = $id AND status = $queued",
        ("$id", id), ("$cancelled", Name(AnalysisRunStatus.Cancelled)), ("$queued", Name(AnalysisRunStatus.Queued)), ("$at", at.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Removes an analysis (one that could not be queued).</summary>
    public void Delete(string id) => Execute("DELETE FROM analyses WHERE id = $id", ("$id", id));

    /// <summary>Marks every queued or running analysis failed with <paramref name="reason"/> (a previous process stopped); returns how many.</summary>
    public int FailUnfinished(string reason, DateTimeOffset at) => Execute(
        "UPDATE analyses SET status = $failed, error = $reason, finished_at = $at WHERE status IN ($queued, $running)",
        ("$failed", Name(AnalysisRunStatus.Failed)), ("$reason", reason), ("$at", at.ToUnixTimeMilliseconds()),
        ("$queued", Name(AnalysisRunStatus.Queued)), ("$running", Name(AnalysisRunStatus.Running)));

    /// <summary>The lowercase name a status has in the store and on the wire.</summary>
    public static string Name(AnalysisRunStatus status) => status switch
    {
        AnalysisRunStatus.Queued => "queued",
        AnalysisRunStatus.Running => "running",
        AnalysisRunStatus.Succeeded => "succeeded",
        AnalysisRunStatus.Failed => "failed",
        AnalysisRunStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    private static AnalysisRunStatus Parse(string name) => name switch
    {
        "queued" => AnalysisRunStatus.Queued,
        "running" => AnalysisRunStatus.Running,
        "succeeded" => AnalysisRunStatus.Succeeded,
        "failed" => AnalysisRunStatus.Failed,
        "cancelled" => AnalysisRunStatus.Cancelled,
        _ => throw new StoreException($"Unknown analysis status '{name}' in the store."),
    };

    private static AnalysisRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Status = Parse(reader.GetString(1)),
        Stage = reader.IsDBNull(2) ? null : reader.GetString(2),
        Percent = reader.GetDouble(3),
        Error = reader.IsDBNull(4) ? null : reader.GetString(4),
        CreatedAt = KnowledgeStore.Time(reader.GetInt64(5)),
        StartedAt = reader.IsDBNull(6) ? null : KnowledgeStore.Time(reader.GetInt64(6)),
        FinishedAt = reader.IsDBNull(7) ? null : KnowledgeStore.Time(reader.GetInt64(7)),
        Seed = reader.IsDBNull(8) ? null : reader.GetInt32(8),
        Clusters = reader.IsDBNull(9) ? null : reader.GetInt32(9),
        AsOf = reader.IsDBNull(10) ? null : KnowledgeStore.Time(reader.GetInt64(10)),
        GapCount = reader.IsDBNull(11) ? null : reader.GetInt32(11),
    };

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters) => store.Command(sql, null, parameters);

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt32(command.ExecuteNonQuery(), CultureInfo.InvariantCulture);
    }
}
