using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Next-issue paths, the intent-aware side of next-issue avoidance (DESIGN §3, issue 8). The sources of a gap are its
/// tickets (every ticket assigned to it, failures or not) that are resolved and NIA-mature: <c>resolved_at + NIA
/// window &lt;= as_of</c>, with a resolved_at before created_at read as created_at — the rules of
/// <see cref="NextIssueAvoidance"/>. A source's next tickets are the same customer's tickets created in
/// <c>(resolved_at, resolved_at + NIA window]</c>, each in the gap it is assigned to (its primary gap) or in no gap
/// (<see cref="Unclustered"/>). A path source gap → target counts the sources with at least one next ticket in the
/// target: a source counts once per target however many tickets it had there, and once in each target it reached, so
/// the paths of a gap may add up to more than its sources. Related NIA = sources with no next ticket in their own gap
/// ÷ sources. It is never below the gap's plain NIA (a next ticket anywhere breaks that).
/// </summary>
public static class NextIssuePaths
{
    /// <summary>The target index of next tickets that belong to no gap.</summary>
    public const int Unclustered = -1;

    /// <summary>
    /// Paths for gaps 0..<paramref name="gapCount"/>-1, given each ticket's gap (or -1), with the NIA window of
    /// <paramref name="options"/> judged at <paramref name="asOf"/>; one result per gap, in gap order.
    /// </summary>
    public static IReadOnlyList<GapNextIssues> Compute(IReadOnlyList<Ticket> tickets, IReadOnlyList<int> gapOfTicket, int gapCount, MetricsOptions options, DateTimeOffset asOf) =>
        Compute(tickets, gapOfTicket, gapCount, options, asOf, null);

    /// <summary>As the public overload, reusing the metrics' timeline of the same tickets when given.</summary>
    internal static IReadOnlyList<GapNextIssues> Compute(IReadOnlyList<Ticket> tickets, IReadOnlyList<int> gapOfTicket, int gapCount, MetricsOptions options, DateTimeOffset asOf, TicketTimeline? timeline)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(gapOfTicket);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(gapCount);
        if (gapOfTicket.Count != tickets.Count)
        {
            throw new ArgumentException($"{gapOfTicket.Count} gap assignments for {tickets.Count} tickets.", nameof(gapOfTicket));
        }

        if (timeline is not null && timeline.Created.Length != tickets.Count)
        {
            throw new ArgumentException($"A timeline of {timeline.Created.Length} tickets for {tickets.Count} tickets.", nameof(timeline));
        }

        timeline ??= TicketTimeline.Build(tickets);
        var window = TimeWindow.Calendar(options.NiaWindow);
        var asOfTicks = asOf.UtcTicks;

        // counts[g * (gapCount + 1) + t + 1]: sources of gap g reaching target t (slot 0 is unclustered).
        var width = gapCount + 1;
        var counts = new int[gapCount * width];
        var mature = new int[gapCount];
        var withNext = new int[gapCount];
        var reached = new int[width];
        var stamp = 0;
        Array.Fill(reached, -1);
        for (var i = 0; i < tickets.Count; i++)
        {
            var gap = gapOfTicket[i];
            if (gap < 0 || gap >= gapCount)
            {
                continue;
            }

            var resolved = timeline.Resolved[i];
            if (resolved == TicketTimeline.NotResolved)
            {
                continue;
            }

            var end = window.End(resolved);
            if (end > asOfTicks)
            {
                continue;
            }

            mature[gap]++;
            stamp++;
            var customer = timeline.Customer[i];
            var to = timeline.CustomerStart[customer + 1];
            var any = false;
            for (var k = TicketTimeline.UpperBound(timeline.CreatedByCustomer, timeline.CustomerStart[customer], to, resolved); k < to && timeline.CreatedByCustomer[k] <= end; k++)
            {
                any = true;
                var target = gapOfTicket[timeline.ByCustomer[k]];
                var slot = target < 0 || target >= gapCount ? 0 : target + 1;
                if (reached[slot] != stamp)
                {
                    reached[slot] = stamp;
                    counts[(gap * width) + slot]++;
                }
            }

            if (any)
            {
                withNext[gap]++;
            }
        }

        var results = new GapNextIssues[gapCount];
        for (var g = 0; g < gapCount; g++)
        {
            var targets = new List<NextIssueTarget>();
            for (var slot = 1; slot < width; slot++)
            {
                if (counts[(g * width) + slot] > 0)
                {
                    targets.Add(new NextIssueTarget(slot - 1, counts[(g * width) + slot]));
                }
            }

            if (counts[g * width] > 0)
            {
                targets.Add(new NextIssueTarget(Unclustered, counts[g * width]));
            }

            // Stable sort: ties keep gap order, unclustered last.
            var ordered = targets.OrderByDescending(t => t.Tickets).ToList();
            results[g] = new GapNextIssues
            {
                Gap = g,
                MatureResolved = mature[g],
                WithNextIssue = withNext[g],
                RelatedNia = Rate.Of(mature[g] - counts[(g * width) + g + 1], mature[g]),
                Targets = ordered,
            };
        }

        return results;
    }
}
