using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Autonomous resolution (DESIGN §3): among tickets a bot handled (<c>resolved_by = bot</c>; the exports
/// record no other trace of a bot) whose FCR window has elapsed by as_of (mature, as for FCR), the
/// share resolved with no reopen and no follow-up within the window. Null when no ticket says a bot
/// resolved it, which includes data without resolved_by.
/// </summary>
internal static class AutonomousResolution
{
    /// <summary>Per ticket: -1 not counted, 0 failed, 1 succeeded.</summary>
    public static sbyte Evaluate(Ticket ticket, bool resolved, bool followedUp, bool mature)
    {
        if (ticket.ResolvedBy != ResolvedBy.Bot || !mature)
        {
            return TicketFacts.NotCounted;
        }

        return resolved && ticket.ReopenCount == 0 && !followedUp ? (sbyte)1 : (sbyte)0;
    }
}
