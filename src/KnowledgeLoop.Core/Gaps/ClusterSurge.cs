namespace KnowledgeLoop.Core.Gaps;

/// <summary>
/// A cluster's surge: the first ISO week (Monday UTC) whose ticket volume exceeds <see cref="GapTypingOptions.SurgeFactor"/> × the
/// mean weekly volume of every week before it, with at least <see cref="GapTypingOptions.MinimumSurgeTickets"/> tickets and at
/// least <see cref="GapTypingOptions.SurgeBaselineWeeks"/> weeks of history (from the data set's start) before it.
/// </summary>
/// <param name="Start">Monday 00:00 UTC of the surge week.</param>
/// <param name="Tickets">Tickets created in the surge week.</param>
/// <param name="Baseline">Mean weekly tickets before it.</param>
internal sealed record ClusterSurge(DateTimeOffset Start, long Tickets, double Baseline)
{
    public static ClusterSurge? Find(IReadOnlyList<ClusterMember> members, DateTimeOffset? dataStart, DateTimeOffset asOf, GapTypingOptions options)
    {
        if (members.Count == 0)
        {
            return null;
        }

        var first = members.Min(m => m.Ticket.CreatedAt);
        if (dataStart is { } start && start < first)
        {
            first = start;
        }

        var origin = GapMath.WeekStart(first);
        var weeks = (int)((GapMath.WeekStart(asOf) - origin).Ticks / WeekTicks) + 1;
        if (weeks <= options.SurgeBaselineWeeks)
        {
            return null;
        }

        var counts = new long[weeks];
        foreach (var member in members)
        {
            var created = member.Ticket.CreatedAt;
            if (created > asOf)
            {
                continue;
            }

            counts[(int)((created - origin).Ticks / WeekTicks)]++;
        }

        long before = 0;
        for (var w = 0; w < weeks; w++)
        {
            if (w >= options.SurgeBaselineWeeks)
            {
                var baseline = (double)before / w;
                if (counts[w] >= options.MinimumSurgeTickets && counts[w] > options.SurgeFactor * baseline)
                {
                    return new ClusterSurge(origin.AddDays(7 * w), counts[w], baseline);
                }
            }

            before += counts[w];
        }

        return null;
    }

    private static readonly long WeekTicks = TimeSpan.FromDays(7).Ticks;

    /// <summary>Whether the member counts in the surge's aftermath.</summary>
    public bool After(ClusterMember member) => member.Ticket.CreatedAt >= Start;
}
