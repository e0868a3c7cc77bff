namespace KnowledgeLoop.Core.Metrics;

/// <summary>The metrics' verdict on one ticket; the gap analysis reads failures from these.</summary>
/// <param name="TicketId">The ticket id.</param>
/// <param name="IsFollowUp">A follow-up of an earlier ticket from the same customer and category.</param>
/// <param name="Mature">Whether the ticket's FCR window has elapsed by as_of.</param>
/// <param name="Fcr">Its place in the FCR count.</param>
/// <param name="FailureReasons">What went wrong, observed whatever the maturity; a failure has at least one.</param>
/// <param name="NextIssueAvoided">Resolved and mature for NIA: whether the customer stayed away for the NIA window; otherwise null.</param>
public sealed record TicketOutcome(string TicketId, bool IsFollowUp, bool Mature, FcrOutcome Fcr, FcrFailureReasons FailureReasons, bool? NextIssueAvoided)
{
    /// <summary>Not a follow-up.</summary>
    public bool IsFirstContact => !IsFollowUp;

    /// <summary>A mature first contact that failed: the gap analysis's input.</summary>
    public bool IsFailure => Fcr == FcrOutcome.Failure;

    /// <summary>
    /// A failure as the gap analysis selects them (DESIGN §4.1): a mature first contact that failed, or one still in its
    /// window that was already reopened, escalated or followed up (knowable now; it will count once mature).
    /// </summary>
    public bool IsObservedFailure => Fcr == FcrOutcome.Failure
        || (Fcr == FcrOutcome.Immature && (FailureReasons & (FcrFailureReasons.Reopened | FcrFailureReasons.Escalated | FcrFailureReasons.FollowedUp)) != 0);
}
