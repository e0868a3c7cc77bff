using KnowledgeLoop.Core.Sessions;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Knowledge deflection (DESIGN §3): a self-service session is mature when
/// <c>started_at + deflection window &lt;= as_of</c>; it deflected when the same customer created no ticket
/// (any category) in <c>[started_at, started_at + window]</c> (a ticket at the very start counts against
/// it: with date-only data the order is unknown, so the conservative reading wins). Deflection =
/// deflected ÷ mature sessions; no sessions gives "not available" (null), never 0. Per article, the
/// same over the mature sessions that viewed it.
/// </summary>
internal static class KnowledgeDeflection
{
    /// <summary>Per session: -1 immature, 0 a ticket followed, 1 deflected.</summary>
    public static sbyte Evaluate(TicketTimeline timeline, SelfServiceSession session, TimeSpan window, long asOf)
    {
        var started = session.StartedAt.UtcTicks;
        var end = Math.Min(started + window.Ticks, DateTime.MaxValue.Ticks);
        if (end > asOf)
        {
            return TicketFacts.NotCounted;
        }

        if (!timeline.CustomerNumbers.TryGetValue(session.CustomerId, out var customer))
        {
            return 1;
        }

        var from = timeline.CustomerStart[customer];
        var to = timeline.CustomerStart[customer + 1];
        var next = TicketTimeline.LowerBound(timeline.CreatedByCustomer, from, to, started);
        return next < to && timeline.CreatedByCustomer[next] <= end ? (sbyte)0 : (sbyte)1;
    }
}
