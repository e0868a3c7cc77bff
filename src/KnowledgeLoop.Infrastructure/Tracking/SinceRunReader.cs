using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>
/// Reads what was assigned at import since the latest run and judges those tickets' outcomes as the data stands now
/// (<see cref="OutcomesSoFar"/>), per gap (<see cref="SinceRunFigures"/>). Outcomes change only when data is imported,
/// so a caller can cache the snapshot by <see cref="Key"/>.
/// </summary>
public static class SinceRunReader
{
    /// <summary>What a cached snapshot depends on: the latest run, its watermark, the last assignment's time and the last import (a sessions import moves the as-of); null without a run.</summary>
    public static string? Key(KnowledgeStore store)
    {
        var repository = new IncrementalRepository(store);
        var runId = repository.LatestRunId();
        return runId is null ? null : $"{runId}|{repository.Watermark(runId)}|{repository.UpdatedAt(runId)?.ToUnixTimeMilliseconds()}|{repository.LatestImportId()}";
    }

    /// <summary>The latest run's since-run figures, or null when the store has no run.</summary>
    public static SinceRunSnapshot? Read(KnowledgeStore store, MetricsOptions metrics)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(metrics);
        var repository = new IncrementalRepository(store);
        var runId = repository.LatestRunId();
        if (runId is null)
        {
            return null;
        }

        var runFcr = repository.RunFcr(runId);
        var rows = repository.Rows(runId);
        var tickets = repository.Tickets(rows.Select(r => r.TicketId));
        var outcomes = OutcomesSoFar.Compute(repository, tickets, metrics);
        var gaps = new Dictionary<string, SinceRunFigures>(StringComparer.Ordinal);
        var byGap = rows.Where(r => r.GapId is not null).GroupBy(r => r.GapId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (gapId, (numerator, denominator)) in runFcr)
        {
            gaps[gapId] = Figures(byGap.GetValueOrDefault(gapId) ?? [], outcomes, numerator, denominator);
        }

        var unassigned = rows.Where(r => r.GapId is null).ToList();
        return new SinceRunSnapshot
        {
            RunId = runId,
            Watermark = repository.Watermark(runId),
            UpdatedAt = repository.UpdatedAt(runId),
            Gaps = gaps,
            Unassigned = unassigned.Count,
            UnassignedFailures = unassigned.Count(r => outcomes.TryGetValue(r.TicketId, out var o) && OutcomesSoFar.IsFailure(o)),
            Emerging = repository.Emerging(runId),
        };
    }

    /// <summary>One gap's figures from its incremental rows and their outcomes, on top of the run's FCR counts.</summary>
    public static SinceRunFigures Figures(IReadOnlyList<TicketGapRow> rows, IReadOnlyDictionary<string, TicketOutcome> outcomes, long? runNumerator, long? runDenominator)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outcomes);
        long failures = 0, reopened = 0, escalated = 0, followedUp = 0, immature = 0, mature = 0, resolved = 0;
        foreach (var row in rows)
        {
            if (!outcomes.TryGetValue(row.TicketId, out var outcome))
            {
                continue; // deleted since? tickets are never deleted today; counted as assigned only
            }

            failures += OutcomesSoFar.IsFailure(outcome) ? 1 : 0;
            if (outcome.IsFirstContact)
            {
                reopened += (outcome.FailureReasons & FcrFailureReasons.Reopened) != 0 ? 1 : 0;
                escalated += (outcome.FailureReasons & FcrFailureReasons.Escalated) != 0 ? 1 : 0;
                followedUp += (outcome.FailureReasons & FcrFailureReasons.FollowedUp) != 0 ? 1 : 0;
            }

            immature += outcome.Fcr == FcrOutcome.Immature ? 1 : 0;
            if (!row.InRun && outcome.Fcr is FcrOutcome.Success or FcrOutcome.Failure)
            {
                mature++;
                resolved += outcome.Fcr == FcrOutcome.Success ? 1 : 0;
            }
        }

        var denominator = (runDenominator ?? 0) + mature;
        return new SinceRunFigures
        {
            Tickets = rows.Count,
            NewTickets = rows.Count(r => !r.InRun),
            Failures = failures,
            Reopened = reopened,
            Escalated = escalated,
            FollowedUp = followedUp,
            Immature = immature,
            MatureFirstContacts = mature,
            ResolvedFirstTime = resolved,
            Fcr = Rate.Of((runNumerator ?? 0) + resolved, denominator),
        };
    }
}
