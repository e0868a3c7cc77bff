using System.Diagnostics;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>
/// Assigns the tickets imported since the last assignment to the latest run's gaps, right after an import commits:
/// embeds them with the model the run stored (<see cref="AnalysisStore.LoadModel"/>, block by block), assigns each as
/// the analysis would (<see cref="GapAssigner"/>), and raises emerging gaps from the failures that fit no gap
/// (<see cref="EmergingGapDetector"/>). Which tickets: those whose current version came with an import after the
/// watermark (<see cref="IncrementalRepository"/>), so a crash between an import and its assignment is repaired by the
/// next import's assignment, and a new full run starts afresh. Everything is written in one transaction.
/// </summary>
/// <param name="store">The store, after the import committed.</param>
/// <param name="options">Assignment and emerging-gap settings.</param>
/// <param name="metrics">The windows that judge outcomes (the analysis's).</param>
/// <param name="time">The clock of <c>assigned_at</c> and of an emerging gap's creation.</param>
/// <param name="models">Keeps the model in memory between imports in a long-lived host; null loads it each time.</param>
public sealed class IncrementalAssigner(KnowledgeStore store, IncrementalOptions options, MetricsOptions metrics, TimeProvider? time = null, StoredModelCache? models = null)
{
    /// <summary>Tickets embedded at a time.</summary>
    public const int BlockSize = 8192;

    /// <summary>Assigns what was imported since the last assignment; never throws for an expected reason (see <see cref="IncrementalResult.Status"/>).</summary>
    public IncrementalResult Assign(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (!options.Enabled)
        {
            return IncrementalResult.NotRun(IncrementalStatus.Unavailable, "switched off (KnowledgeLoop:Incremental:Enabled is false).");
        }

        options.Validate();
        var repository = new IncrementalRepository(store);
        var runId = repository.LatestRunId();
        if (runId is null)
        {
            return IncrementalResult.NotRun(IncrementalStatus.NoRun, "no analysis has run on this store yet; the first one clusters these tickets.");
        }

        var remote = false;
        var model = models is null ? AnalysisStore.LoadModel(store, out remote) : models.Load(store, out remote);
        if (remote)
        {
            return IncrementalResult.NotRun(IncrementalStatus.Unavailable,
                "unavailable: the last analysis used a remote embedder, whose space can't be reached at import; these tickets count from the next analysis.");
        }

        var run = new GapRepository(store).LoadRun(runId);
        if (model is null || run is null)
        {
            return IncrementalResult.NotRun(IncrementalStatus.Unavailable, "unavailable: the store keeps no fitted embedder for its latest run; run the analysis again.");
        }

        if (repository.ModelNewerThanRun(runId))
        {
            return IncrementalResult.NotRun(IncrementalStatus.Unavailable,
                "unavailable: the stored embedder is newer than the latest run (an analysis is being saved, or stopped while saving); the next import after it finishes catches up.");
        }

        var geometry = run.Geometry;
        if (!string.Equals(model.ModelId, geometry.EmbedderId, StringComparison.Ordinal) || model.Dimensions != geometry.Dimensions)
        {
            return IncrementalResult.NotRun(IncrementalStatus.Unavailable,
                $"unavailable: the stored embedder ({model.ModelId}) is not the latest run's ({geometry.EmbedderId}); run the analysis again.");
        }

        var now = KnowledgeStoreTime((time ?? TimeProvider.System).GetUtcNow());
        var from = repository.Watermark(runId) ?? repository.InitialWatermark(runId);
        var upTo = repository.LatestImportId();
        var rows = new List<TicketGapRow>();
        var unassignedNow = new Dictionary<string, Ticket>(StringComparer.Ordinal);
        var block = new List<(Ticket Ticket, long ImportId, bool Analysed)>(BlockSize);
        foreach (var item in repository.TicketsImported(from, upTo))
        {
            block.Add(item);
            if (block.Count == BlockSize)
            {
                AssignBlock();
            }
        }

        AssignBlock();
        var assigned = rows.Where(r => r.GapId is not null).ToList();

        // The emerging gaps' pool: every ticket since the run that fits no gap, as of this assignment.
        var previous = rows.Count == 0 ? [] : repository.Rows(runId);
        var reassigned = rows.Select(r => r.TicketId).ToHashSet(StringComparer.Ordinal);
        var pool = repository.Tickets(previous.Where(r => r.GapId is null && !reassigned.Contains(r.TicketId)).Select(r => r.TicketId));
        pool.AddRange(unassignedNow.Values);
        var outcomes = OutcomesSoFar.Compute(repository, pool, metrics);
        var failures = pool.Where(t => outcomes.TryGetValue(t.Id, out var o) && OutcomesSoFar.IsFailure(o)).ToList();
        var emerging = rows.Count == 0
            ? repository.Emerging(runId)
            : EmergingGapDetector.Detect(failures.Select(t => new EmergingCandidate(t.Id, GapAnalyzer.TicketText(t), t.CreatedAt)).ToList(), options, now, model.Options);

        using (var transaction = repository.BeginTransaction())
        {
            repository.Write(runId, rows, Math.Max(from, upTo), now);
            if (rows.Count > 0)
            {
                emerging = repository.ReplaceEmerging(runId, emerging);
            }

            transaction.Commit();
        }

        return new IncrementalResult
        {
            Status = IncrementalStatus.Assigned,
            RunId = runId,
            Tickets = rows.Count,
            Assigned = assigned.Count,
            Gaps = assigned.Select(r => r.GapId).Distinct(StringComparer.Ordinal).Count(),
            UnassignedFailures = failures.Count(t => unassignedNow.ContainsKey(t.Id)),
            UnassignedFailuresSinceRun = failures.Count,
            Emerging = emerging,
            Seconds = clock.Elapsed.TotalSeconds,
        };

        // The store keeps milliseconds: what this returns equals what a later read gives.
        static DateTimeOffset KnowledgeStoreTime(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

        void AssignBlock()
        {
            if (block.Count == 0)
            {
                return;
            }

            var vectors = model.Transform(block.Select(b => GapAnalyzer.TicketText(b.Ticket)).ToList(), cancellationToken);
            var assignments = GapAssigner.Assign(vectors, geometry);
            for (var i = 0; i < block.Count; i++)
            {
                var (ticket, importId, analysed) = block[i];
                var a = assignments[i];
                rows.Add(new TicketGapRow(ticket.Id, a.GapId, a.Cluster, float.IsFinite(a.Distance) ? a.Distance : null, a.Similarity, analysed, importId));
                if (a.GapId is null)
                {
                    unassignedNow[ticket.Id] = ticket;
                }
            }

            block.Clear();
        }
    }
}
