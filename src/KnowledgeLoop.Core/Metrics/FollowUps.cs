namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Follow-ups (DESIGN §3): ticket B is a follow-up when an earlier ticket A from the same customer in
/// the same category (blank matches only blank) was resolved before B was created and B was created
/// within the FCR window after that resolution: <c>A.resolved_at &lt; B.created_at &lt;= end(A.resolved_at)</c>,
/// the end included. A is then "followed up". Because the window end grows with its start, only the
/// latest earlier resolution (for B) and the earliest later ticket (for A) need checking.
/// </summary>
internal static class FollowUps
{
    /// <summary>Per ticket: whether it is a follow-up, and whether it was followed up.</summary>
    public static (bool[] IsFollowUp, bool[] FollowedUp) Detect(TicketTimeline timeline, TimeWindow window)
    {
        var n = timeline.Created.Length;
        var isFollowUp = new bool[n];
        var followedUp = new bool[n];
        for (var t = 0; t < timeline.ResolvedCount.Length; t++)
        {
            var from = timeline.ThreadStart[t];
            var to = timeline.ThreadStart[t + 1];
            var resolvedTo = from + timeline.ResolvedCount[t];
            for (var k = from; k < to; k++)
            {
                var ticket = timeline.ByThread[k];
                var created = timeline.Created[ticket];
                var latestEarlier = TicketTimeline.LowerBound(timeline.ResolvedByThread, from, resolvedTo, created) - 1;
                if (latestEarlier >= from && created <= window.End(timeline.ResolvedByThread[latestEarlier]))
                {
                    isFollowUp[ticket] = true;
                }

                var resolved = timeline.Resolved[ticket];
                if (resolved != TicketTimeline.NotResolved)
                {
                    var next = TicketTimeline.UpperBound(timeline.CreatedByThread, from, to, resolved);
                    followedUp[ticket] = next < to && timeline.CreatedByThread[next] <= window.End(resolved);
                }
            }
        }

        return (isFollowUp, followedUp);
    }
}
