using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using KnowledgeLoop.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Each run's gaps in the store (schema migration 5): per run (<c>gap_runs</c>) the embedder and as-of; per gap
/// (<c>gap_snapshots</c>) its unit centroid, member and failure ticket ids, the figures its history shows and its
/// lineage; per k-means cluster (<c>gap_clusters</c>) its raw centroid, cut-off and gap, for assigning new tickets.
/// Centroids are float32 little-endian blobs; id lists are deflated, length-prefixed UTF-8 (about 3 bytes a ticket
/// id), so a 100k-ticket run stores in well under a second.
/// </summary>
public sealed class GapRepository(KnowledgeStore store)
{
    private const string Columns =
        "gap_id, rank, title, type, tickets, failures, fcr_numerator, fcr_denominator, fcr, top_article_id, status, previous_id, " +
        "parent_id, merged_from, centroid_similarity, member_overlap, first_seen, runs";

    /// <summary>
    /// Stores one run's geometry under <paramref name="runId"/> (the analyses id), atomically; saving a run id twice
    /// replaces it.
    /// </summary>
    public void SaveRun(string runId, GapGeometry geometry, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(geometry);
        var connection = store.Connection;
        using var transaction = connection.BeginTransaction();
        foreach (var table in (string[])["gap_snapshots", "gap_clusters", "gap_runs"])
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE run_id = $run";
            delete.Parameters.AddWithValue("$run", runId);
            delete.ExecuteNonQuery();
        }

        using (var run = new BulkStatement(connection, "INSERT INTO gap_runs (run_id, recorded_at, as_of, embedder, dimensions) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            run.Bind(1, runId);
            run.Bind(2, recordedAt.ToUnixTimeMilliseconds());
            run.Bind(3, geometry.AsOf.ToUnixTimeMilliseconds());
            run.Bind(4, geometry.EmbedderId);
            run.Bind(5, geometry.Dimensions);
            run.Execute();
        }

        using (var gap = new BulkStatement(connection, $"INSERT INTO gap_snapshots (run_id, {Columns}, centroid, member_ids, failure_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"))
        {
            foreach (var snapshot in geometry.Gaps)
            {
                var lineage = snapshot.Lineage;
                gap.Bind(1, runId);
                gap.Bind(2, snapshot.Id);
                gap.Bind(3, snapshot.Rank);
                gap.Bind(4, snapshot.Title);
                gap.Bind(5, snapshot.Type);
                gap.Bind(6, snapshot.TicketCount);
                gap.Bind(7, snapshot.FailureCount);
                gap.Bind(8, snapshot.FcrNumerator);
                gap.Bind(9, snapshot.FcrDenominator);
                gap.Bind(10, snapshot.Fcr);
                gap.Bind(11, snapshot.TopArticleId);
                gap.Bind(12, GapLineage.StatusName(lineage.Status));
                gap.Bind(13, lineage.PreviousId);
                gap.Bind(14, lineage.ParentId);
                gap.Bind(15, lineage.MergedFrom.Count == 0 ? null : string.Join('\n', lineage.MergedFrom));
                gap.Bind(16, lineage.CentroidSimilarity);
                gap.Bind(17, lineage.MemberOverlap);
                gap.Bind(18, lineage.FirstSeen.ToUnixTimeMilliseconds());
                gap.Bind(19, lineage.Runs);
                gap.Bind(20, MemoryMarshal.AsBytes(snapshot.Centroid.AsSpan()));
                gap.Bind(21, EncodeIds(snapshot.MemberTicketIds));
                gap.Bind(22, EncodeIds(snapshot.FailureTicketIds));
                gap.Execute();
            }
        }

        using (var cluster = new BulkStatement(connection, "INSERT INTO gap_clusters (run_id, cluster, centroid, cutoff, gap_id) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var c in geometry.Clusters)
            {
                cluster.Bind(1, runId);
                cluster.Bind(2, c.Index);
                cluster.Bind(3, MemoryMarshal.AsBytes(c.Centroid.AsSpan()));
                cluster.Bind(4, float.IsFinite(c.Cutoff) ? c.Cutoff : null);
                cluster.Bind(5, c.GapId);
                cluster.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>The most recently stored run, with <see cref="GapRun.KnownIds"/>, or null when the store has none.</summary>
    public GapRun? LoadLatest()
    {
        using var command = Command("SELECT run_id FROM gap_runs ORDER BY seq DESC LIMIT 1");
        return command.ExecuteScalar() is string runId ? LoadRun(runId) : null;
    }

    /// <summary>One stored run, with <see cref="GapRun.KnownIds"/>, or null when the store has no such run.</summary>
    public GapRun? LoadRun(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        DateTimeOffset recordedAt, asOf;
        string embedder;
        int dimensions;
        using (var command = Command("SELECT recorded_at, as_of, embedder, dimensions FROM gap_runs WHERE run_id = $run", ("$run", runId)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            recordedAt = KnowledgeStore.Time(reader.GetInt64(0));
            asOf = KnowledgeStore.Time(reader.GetInt64(1));
            embedder = reader.GetString(2);
            dimensions = reader.GetInt32(3);
        }

        var gaps = new List<GapSnapshot>();
        using (var command = Command($"SELECT {Columns}, centroid, member_ids, failure_ids FROM gap_snapshots WHERE run_id = $run ORDER BY rank, gap_id", ("$run", runId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var entry = ReadEntry(reader, 0);
                gaps.Add(new GapSnapshot
                {
                    Id = entry.GapId,
                    Rank = entry.Rank,
                    Title = entry.Title,
                    Type = entry.Type,
                    TicketCount = entry.TicketCount,
                    FailureCount = entry.FailureCount,
                    FcrNumerator = entry.FcrNumerator,
                    FcrDenominator = entry.FcrDenominator,
                    Fcr = entry.Fcr,
                    TopArticleId = entry.TopArticleId,
                    Lineage = entry.Lineage,
                    Centroid = Floats((byte[])reader[18]),
                    MemberTicketIds = DecodeIds((byte[])reader[19]),
                    FailureTicketIds = DecodeIds((byte[])reader[20]),
                });
            }
        }

        var clusters = new List<AssignmentCluster>();
        using (var command = Command("SELECT cluster, centroid, cutoff, gap_id FROM gap_clusters WHERE run_id = $run ORDER BY cluster", ("$run", runId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                clusters.Add(new AssignmentCluster(
                    reader.GetInt32(0),
                    Floats((byte[])reader[1]),
                    reader.IsDBNull(2) ? float.PositiveInfinity : (float)reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        return new GapRun
        {
            RunId = runId,
            RecordedAt = recordedAt,
            Geometry = new GapGeometry { EmbedderId = embedder, Dimensions = dimensions, AsOf = asOf, Clusters = clusters, Gaps = gaps },
            KnownIds = KnownIds(),
        };
    }

    /// <summary>Every gap id any stored run has used.</summary>
    public IReadOnlySet<string> KnownIds()
    {
        using var command = Command("SELECT DISTINCT gap_id FROM gap_snapshots");
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// The history of gap <paramref name="gapId"/>, oldest run first: its own snapshot in every run that had its id,
    /// preceded by the history of each gap it absorbed (a merged snapshot's <see cref="GapLineage.MergedFrom"/>, followed
    /// recursively), so the history spans runs across continued and merged lineage. Empty when no run had that id.
    /// </summary>
    public IReadOnlyList<GapHistoryEntry> History(string gapId)
    {
        ArgumentException.ThrowIfNullOrEmpty(gapId);
        var entries = new List<(long Seq, GapHistoryEntry Entry)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string Id, long Before)>();
        pending.Enqueue((gapId, long.MaxValue));
        while (pending.Count > 0)
        {
            var (id, before) = pending.Dequeue();
            if (!seen.Add(id))
            {
                continue;
            }

            using var command = Command(
                $"SELECT r.seq, r.run_id, r.recorded_at, r.as_of, {Columns} " +
                "FROM gap_snapshots s JOIN gap_runs r ON r.run_id = s.run_id WHERE s.gap_id = $gap AND r.seq < $before ORDER BY r.seq",
                ("$gap", id), ("$before", before));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                var entry = ReadEntry(reader, 4) with
                {
                    RunId = reader.GetString(1),
                    RecordedAt = KnowledgeStore.Time(reader.GetInt64(2)),
                    AsOf = KnowledgeStore.Time(reader.GetInt64(3)),
                };
                entries.Add((seq, entry));
                foreach (var absorbed in entry.Lineage.MergedFrom)
                {
                    pending.Enqueue((absorbed, seq));
                }
            }
        }

        return entries.OrderBy(e => e.Seq).ThenBy(e => string.Equals(e.Entry.GapId, gapId, StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(e => e.Entry.GapId, StringComparer.Ordinal)
            .Select(e => e.Entry).ToList();
    }

    /// <summary>Ticket ids as one compact blob: a count, then each id as length-prefixed UTF-8, deflated.</summary>
    public static byte[] EncodeIds(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(ids.Count);
            foreach (var id in ids)
            {
                writer.Write(id);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The ids <see cref="EncodeIds"/> wrote.</summary>
    public static IReadOnlyList<string> DecodeIds(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var deflate = new DeflateStream(new MemoryStream(blob, writable: false), CompressionMode.Decompress);
        using var reader = new BinaryReader(deflate, Encoding.UTF8);
        var count = reader.Read7BitEncodedInt();
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = reader.ReadString();
        }

        return ids;
    }

    private static GapLineageStatus ParseStatus(string name) =>
        GapLineage.ParseStatus(name) ?? throw new StoreException($"Unknown gap lineage status '{name}' in the store.");

    private static float[] Floats(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    /// <summary>The <see cref="Columns"/> starting at <paramref name="at"/>, as a history entry without its run.</summary>
    private static GapHistoryEntry ReadEntry(SqliteDataReader reader, int at) => new()
    {
        RunId = string.Empty,
        GapId = reader.GetString(at),
        Rank = reader.GetInt32(at + 1),
        Title = reader.GetString(at + 2),
        Type = reader.GetString(at + 3),
        TicketCount = reader.GetInt64(at + 4),
        FailureCount = reader.GetInt64(at + 5),
        FcrNumerator = reader.IsDBNull(at + 6) ? null : reader.GetInt64(at + 6),
        FcrDenominator = reader.IsDBNull(at + 7) ? null : reader.GetInt64(at + 7),
        Fcr = reader.IsDBNull(at + 8) ? null : reader.GetDouble(at + 8),
        TopArticleId = reader.IsDBNull(at + 9) ? null : reader.GetString(at + 9),
        Lineage = new GapLineage
        {
            Status = ParseStatus(reader.GetString(at + 10)),
            PreviousId = reader.IsDBNull(at + 11) ? null : reader.GetString(at + 11),
            ParentId = reader.IsDBNull(at + 12) ? null : reader.GetString(at + 12),
            MergedFrom = reader.IsDBNull(at + 13) ? [] : reader.GetString(at + 13).Split('\n'),
            CentroidSimilarity = reader.IsDBNull(at + 14) ? null : reader.GetDouble(at + 14),
            MemberOverlap = reader.IsDBNull(at + 15) ? null : reader.GetDouble(at + 15),
            FirstSeen = KnowledgeStore.Time(reader.GetInt64(at + 16)),
            Runs = reader.GetInt32(at + 17),
        },
    };

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters) => store.Command(sql, null, parameters);
}
