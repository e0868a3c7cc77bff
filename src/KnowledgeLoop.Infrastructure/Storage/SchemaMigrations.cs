using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>The store's schema as an ordered list of migrations, applied on open inside one transaction each.</summary>
internal static class SchemaMigrations
{
    /// <summary>Migrations in order; a migration's version is its position + 1. Never edit a shipped one: append.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        // 1: the data the metrics and the analysis read.
        """
        CREATE TABLE tickets (
            id                 TEXT    NOT NULL PRIMARY KEY,
            created_at         INTEGER NOT NULL,
            resolved_at        INTEGER,
            customer_id        TEXT    NOT NULL,
            subject            TEXT,
            description        TEXT,
            status             TEXT,
            channel            TEXT,
            category           TEXT,
            product            TEXT,
            priority           TEXT,
            "group"            TEXT,
            agent              TEXT,
            resolution         TEXT,
            reopen_count       INTEGER NOT NULL DEFAULT 0,
            escalated          INTEGER NOT NULL DEFAULT 0,
            escalation_level   INTEGER,
            group_transfers    INTEGER,
            replies            INTEGER,
            linked_article_ids TEXT,
            csat               REAL,
            resolved_by        TEXT,
            messages           TEXT,
            attributes         TEXT,
            import_id          INTEGER
        );
        CREATE INDEX ix_tickets_customer ON tickets (customer_id, created_at);
        CREATE INDEX ix_tickets_created ON tickets (created_at);

        CREATE TABLE articles (
            id          TEXT NOT NULL PRIMARY KEY,
            title       TEXT NOT NULL,
            body        TEXT NOT NULL,
            format      TEXT NOT NULL,
            url         TEXT,
            created_at  INTEGER,
            updated_at  INTEGER,
            tags        TEXT,
            section     TEXT,
            attributes  TEXT,
            import_id   INTEGER
        );

        CREATE TABLE sessions (
            id                 TEXT    NOT NULL PRIMARY KEY,
            customer_id        TEXT    NOT NULL,
            started_at         INTEGER NOT NULL,
            query              TEXT,
            viewed_article_ids TEXT,
            channel            TEXT,
            attributes         TEXT,
            import_id          INTEGER
        );
        CREATE INDEX ix_sessions_customer ON sessions (customer_id, started_at);

        CREATE TABLE imports (
            id          INTEGER PRIMARY KEY,
            kind        TEXT    NOT NULL,
            file        TEXT    NOT NULL,
            format      TEXT    NOT NULL,
            started_at  INTEGER NOT NULL,
            finished_at INTEGER,
            rows        INTEGER NOT NULL DEFAULT 0,
            rejected    INTEGER NOT NULL DEFAULT 0
        );
        """,

        // 2: the fitted embedder and the vectors of the last analysis (for similar-case search).
        """
        CREATE TABLE models (
            name       TEXT    NOT NULL PRIMARY KEY,
            kind       TEXT    NOT NULL,
            created_at INTEGER NOT NULL,
            data       BLOB    NOT NULL
        );

        CREATE TABLE vectors (
            space      TEXT    NOT NULL,
            id         TEXT    NOT NULL,
            vector     BLOB    NOT NULL,
            category   TEXT,
            created_at INTEGER,
            outcome    TEXT,
            PRIMARY KEY (space, id)
        ) WITHOUT ROWID;
        """,

        // 3: the service's background analyses: status, progress and the finished report.json.
        """
        CREATE TABLE analyses (
            id          TEXT    NOT NULL PRIMARY KEY,
            status      TEXT    NOT NULL,
            stage       TEXT,
            percent     REAL    NOT NULL DEFAULT 0,
            error       TEXT,
            created_at  INTEGER NOT NULL,
            started_at  INTEGER,
            finished_at INTEGER,
            seed        INTEGER,
            clusters    INTEGER,
            as_of       INTEGER,
            gap_count   INTEGER,
            report      TEXT
        );
        CREATE INDEX ix_analyses_created ON analyses (created_at);
        CREATE INDEX ix_analyses_status ON analyses (status, created_at);
        """,

        // 4: remote embeddings already paid for,
        // by model (with its dimensions) and the SHA-256 of the exact text sent.
        """
        CREATE TABLE embedding_cache (
            model      TEXT    NOT NULL,
            text_hash  TEXT    NOT NULL,
            dimensions INTEGER NOT NULL,
            vector     BLOB    NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (model, text_hash)
        ) WITHOUT ROWID;
        """,

        // 5: each run's gaps (GapRepository): the geometry that assigns new tickets and matches the next run's gaps
        // (centroids, cut-offs, member ticket ids), the figures of a gap's history, and its lineage.
        """
        CREATE TABLE gap_runs (
            seq         INTEGER PRIMARY KEY,
            run_id      TEXT    NOT NULL UNIQUE,
            recorded_at INTEGER NOT NULL,
            as_of       INTEGER NOT NULL,
            embedder    TEXT    NOT NULL,
            dimensions  INTEGER NOT NULL
        );

        CREATE TABLE gap_snapshots (
            run_id              TEXT    NOT NULL,
            gap_id              TEXT    NOT NULL,
            rank                INTEGER NOT NULL,
            title               TEXT    NOT NULL,
            type                TEXT    NOT NULL,
            tickets             INTEGER NOT NULL,
            failures            INTEGER NOT NULL,
            fcr_numerator       INTEGER,
            fcr_denominator     INTEGER,
            fcr                 REAL,
            top_article_id      TEXT,
            status              TEXT    NOT NULL,
            previous_id         TEXT,
            parent_id           TEXT,
            merged_from         TEXT,
            centroid_similarity REAL,
            member_overlap      REAL,
            first_seen          INTEGER NOT NULL,
            runs                INTEGER NOT NULL,
            centroid            BLOB    NOT NULL,
            member_ids          BLOB    NOT NULL,
            failure_ids         BLOB    NOT NULL,
            PRIMARY KEY (run_id, gap_id)
        );
        CREATE INDEX ix_gap_snapshots_gap ON gap_snapshots (gap_id);

        CREATE TABLE gap_clusters (
            run_id   TEXT    NOT NULL,
            cluster  INTEGER NOT NULL,
            centroid BLOB    NOT NULL,
            cutoff   REAL,
            gap_id   TEXT,
            PRIMARY KEY (run_id, cluster)
        );
        """,

        // 6: explicit article publications (POST /api/articles/{id}/published), read by every later analysis as
        // article events for impact tracking.
        """
        CREATE TABLE article_publications (
            id           INTEGER PRIMARY KEY,
            article_id   TEXT    NOT NULL,
            published_at INTEGER NOT NULL,
            gap_id       TEXT,
            recorded_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_article_publications_article ON article_publications (article_id, published_at);
        """,

        // 7: incremental assignment (IncrementalRepository): tickets imported after a run, assigned to that run's gaps at
        // import; per run the last import already assigned (the watermark); the provisional "emerging" gaps raised from
        // new failures that fit no gap. Rows of earlier runs are removed when the first import after a new run assigns.
        """
        CREATE TABLE ticket_gaps (
            run_id      TEXT    NOT NULL,
            ticket_id   TEXT    NOT NULL,
            gap_id      TEXT,
            source      TEXT    NOT NULL,
            cluster     INTEGER NOT NULL,
            distance    REAL,
            similarity  REAL    NOT NULL,
            in_run      INTEGER NOT NULL,
            import_id   INTEGER NOT NULL,
            assigned_at INTEGER NOT NULL,
            PRIMARY KEY (run_id, ticket_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_ticket_gaps_gap ON ticket_gaps (run_id, gap_id);

        CREATE TABLE incremental_runs (
            run_id           TEXT    NOT NULL PRIMARY KEY,
            import_watermark INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL
        );

        CREATE TABLE emerging_gaps (
            run_id     TEXT    NOT NULL,
            gap_id     TEXT    NOT NULL,
            title      TEXT    NOT NULL,
            keywords   TEXT    NOT NULL,
            ticket_ids BLOB    NOT NULL,
            tickets    INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (run_id, gap_id)
        );
        """,
    ];

    /// <summary>Brings the database up to the latest version; each step commits with its version bump.</summary>
    public static void Apply(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER NOT NULL PRIMARY KEY,
                    applied_at INTEGER NOT NULL
                );
                """;
            create.ExecuteNonQuery();
        }

        var current = CurrentVersion(connection);
        if (current > All.Count)
        {
            throw new StoreException(
                $"The store was written by a newer KnowledgeLoop (schema version {current}; this build knows {All.Count}). Upgrade KnowledgeLoop to open it.");
        }

        for (var version = current + 1; version <= All.Count; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var step = connection.CreateCommand())
            {
                step.Transaction = transaction;
                step.CommandText = All[version - 1];
                step.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)";
                record.Parameters.AddWithValue("$version", version);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The highest applied version, 0 for a new file.</summary>
    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
