namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Next-issue avoidance (DESIGN §3): a resolved ticket is mature when <c>resolved_at + NIA window &lt;= as_of</c>;
/// it avoided the next issue when the same customer created no ticket (any category) in
/// <c>(resolved_at, resolved_at + NIA window]</c>. NIA = avoided ÷ mature resolved tickets.
/// Tickets opened before the resolution and still open do not count: they are not a next issue.
/// </summary>
internal static class NextIssueAvoidance
{
    /// <summary>Per ticket: -1 not counted, 0 a new ticket came, 1 avoided.</summary>
    public static sbyte Evaluate(TicketTimeline timeline, int ticket, TimeWindow window, long asOf)
    {
        var resolved = timeline.Resolved[ticket];
        if (resolved == TicketTimeline.NotResolved)
        {
            return TicketFacts.NotCounted;
        }

        var end = window.End(resolved);
        if (end > asOf)
        {
            return TicketFacts.NotCounted;
        }

        var customer = timeline.Customer[ticket];
        var from = timeline.CustomerStart[customer];
        var to = timeline.CustomerStart[customer + 1];
        var next = TicketTimeline.UpperBound(timeline.CreatedByCustomer, from, to, resolved);
        return next < to && timeline.CreatedByCustomer[next] <= end ? (sbyte)0 : (sbyte)1;
    }
}
