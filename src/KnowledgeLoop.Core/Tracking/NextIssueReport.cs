using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Writes the tracking fields of report.json's gaps: <c>related_nia</c> and <c>next_issues</c> from
/// <see cref="NextIssuePaths"/> (the gaps of the report are the targets; a next ticket in a cluster that did not
/// become a gap counts as unclustered), and <c>secondary_failure_ticket_ids</c> / <c>secondary_failures</c> from
/// <see cref="SecondaryFailures"/>.
/// </summary>
public static class NextIssueReport
{
    /// <summary>How many other gaps <c>next_issues</c> lists at most (the unclustered bucket comes on top).</summary>
    public const int MaximumGaps = 5;

    /// <summary>The title of the unclustered bucket in <c>next_issues</c>.</summary>
    public const string UnclusteredTitle = "unclustered";

    /// <summary>
    /// The gaps with their tracking fields. <paramref name="clusterOfGap"/>[g] is the cluster index gap g was built
    /// from, <paramref name="clusterOfTicket"/> each ticket's cluster (or -1), <paramref name="secondaryOfCluster"/>
    /// per cluster the tickets attributed to it through a later message (null: none were looked for).
    /// </summary>
    public static IReadOnlyList<GapDocument> Attach(
        IReadOnlyList<GapDocument> gaps,
        IReadOnlyList<int> clusterOfGap,
        IReadOnlyList<Ticket> tickets,
        IReadOnlyList<int> clusterOfTicket,
        IReadOnlyList<IReadOnlyList<int>>? secondaryOfCluster,
        MetricsOptions options,
        DateTimeOffset asOf) =>
        Attach(gaps, clusterOfGap, tickets, clusterOfTicket, secondaryOfCluster, options, asOf, null);

    /// <summary>As the public overload, reusing the metrics' timeline of the same tickets when given.</summary>
    internal static IReadOnlyList<GapDocument> Attach(
        IReadOnlyList<GapDocument> gaps,
        IReadOnlyList<int> clusterOfGap,
        IReadOnlyList<Ticket> tickets,
        IReadOnlyList<int> clusterOfTicket,
        IReadOnlyList<IReadOnlyList<int>>? secondaryOfCluster,
        MetricsOptions options,
        DateTimeOffset asOf,
        TicketTimeline? timeline)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(clusterOfGap);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(clusterOfTicket);
        if (clusterOfGap.Count != gaps.Count)
        {
            throw new ArgumentException($"{clusterOfGap.Count} clusters for {gaps.Count} gaps.", nameof(clusterOfGap));
        }

        var gapOfCluster = new Dictionary<int, int>();
        for (var g = 0; g < gaps.Count; g++)
        {
            gapOfCluster[clusterOfGap[g]] = g;
        }

        var gapOfTicket = new int[tickets.Count];
        for (var i = 0; i < tickets.Count; i++)
        {
            gapOfTicket[i] = gapOfCluster.GetValueOrDefault(clusterOfTicket[i], NextIssuePaths.Unclustered);
        }

        var paths = NextIssuePaths.Compute(tickets, gapOfTicket, gaps.Count, options, asOf, timeline);

        // Per target (slot 0 unclustered, g + 1 gap g): all sources reaching it, and all sources.
        var reaching = new long[gaps.Count + 1];
        var sources = 0L;
        foreach (var path in paths)
        {
            sources += path.MatureResolved;
            foreach (var target in path.Targets)
            {
                reaching[target.Gap + 1] += target.Tickets;
            }
        }
        var result = new GapDocument[gaps.Count];
        for (var g = 0; g < gaps.Count; g++)
        {
            var path = paths[g];
            var secondary = secondaryOfCluster is null ? null
                : clusterOfGap[g] >= 0 && clusterOfGap[g] < secondaryOfCluster.Count ? secondaryOfCluster[clusterOfGap[g]] : [];
            result[g] = gaps[g] with
            {
                RelatedNia = MetricsDocument.Map(path.RelatedNia),
                NextIssues = NextIssues(path, gaps, reaching, sources, paths),
                SecondaryFailureTicketIds = secondary?.Select(i => tickets[i].Id).Order(StringComparer.Ordinal).ToList(),
                SecondaryFailures = secondary?.Count,
            };
        }

        return result;
    }

    /// <summary>Up to <see cref="MaximumGaps"/> other gaps (most tickets first, then rank), then the unclustered bucket.</summary>
    private static List<NextIssueDocument> NextIssues(GapNextIssues path, IReadOnlyList<GapDocument> gaps, long[] reaching, long sources, IReadOnlyList<GapNextIssues> paths)
    {
        var list = path.Targets
            .Where(t => t.Gap != path.Gap && t.Gap != NextIssuePaths.Unclustered)
            .OrderByDescending(t => t.Tickets).ThenBy(t => gaps[t.Gap].Rank)
            .Take(MaximumGaps)
            .Select(t => Entry(t.Gap, gaps[t.Gap].Id, gaps[t.Gap].Title, t.Tickets))
            .ToList();
        if (path.Targets.FirstOrDefault(t => t.Gap == NextIssuePaths.Unclustered) is { } unclustered)
        {
            list.Add(Entry(NextIssuePaths.Unclustered, null, UnclusteredTitle, unclustered.Tickets));
        }

        return list;

        NextIssueDocument Entry(int target, string? id, string title, int count)
        {
            // The baseline leaves out this gap's own sources and, for a gap target, the target's own (its self-path).
            var self = target >= 0 ? paths[target].Targets.FirstOrDefault(t => t.Gap == target)?.Tickets ?? 0 : 0;
            var others = sources - path.MatureResolved - (target >= 0 ? paths[target].MatureResolved : 0);
            var baseline = others > 0 ? (double)(reaching[target + 1] - count - self) / others : 0;
            var share = (double)count / path.MatureResolved;
            return new NextIssueDocument
            {
                GapId = id,
                Title = title,
                Tickets = count,
                Share = Math.Round(share, 4),
                Lift = baseline > 0 ? Math.Round(share / baseline, 3) : null,
            };
        }
    }
}
