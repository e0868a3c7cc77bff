using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// First Contact Resolution (DESIGN §3). A first contact is a ticket that is not a follow-up. It is
/// mature when resolved and <c>end(resolved_at) &lt;= as_of</c>, or unresolved and
/// <c>end(created_at) &lt;= as_of</c>, where end() is the FCR window (calendar or business days).
/// A mature first contact succeeds when it is resolved, never reopened, never escalated (see
/// <see cref="IsEscalated"/>) and not followed up; otherwise it fails, counted once whatever the
/// number of reasons. Immature first contacts are neither. FCR = successes ÷ mature first contacts.
/// </summary>
internal static class FirstContactResolution
{
    /// <summary>
    /// Escalated: the flag, or an escalation level above 0, or at least one group transfer; the exports
    /// that carry levels or transfers instead of a flag (ServiceNow, Zendesk metrics) mean the same thing.
    /// </summary>
    public static bool IsEscalated(Ticket ticket) =>
        ticket.Escalated || ticket.EscalationLevel > 0 || ticket.GroupTransfers > 0;

    /// <summary>The verdict on one ticket.</summary>
    public static (FcrOutcome Outcome, FcrFailureReasons Reasons, bool Mature) Evaluate(
        Ticket ticket, long created, long resolved, bool isFollowUp, bool followedUp, TimeWindow window, long asOf)
    {
        var isResolved = resolved != TicketTimeline.NotResolved;
        var mature = window.End(isResolved ? resolved : created) <= asOf;
        var reasons = FcrFailureReasons.None;
        if (ticket.ReopenCount > 0)
        {
            reasons |= FcrFailureReasons.Reopened;
        }

        if (IsEscalated(ticket))
        {
            reasons |= FcrFailureReasons.Escalated;
        }

        if (followedUp)
        {
            reasons |= FcrFailureReasons.FollowedUp;
        }

        if (!isResolved && mature)
        {
            reasons |= FcrFailureReasons.Unresolved;
        }

        var outcome = isFollowUp ? FcrOutcome.NotFirstContact
            : !mature ? FcrOutcome.Immature
            : reasons == FcrFailureReasons.None ? FcrOutcome.Success
            : FcrOutcome.Failure;
        return (outcome, reasons, mature);
    }
}
