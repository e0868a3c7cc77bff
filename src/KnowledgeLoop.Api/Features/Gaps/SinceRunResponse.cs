using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// A gap's <c>since_run</c> object: tickets assigned to it at import since its analysis, the failures among them so far
/// (reopened, escalated or followed up already, or mature and unresolved), and its FCR with the new mature first
/// contacts added (<see cref="SinceRunFigures"/>).
/// </summary>
internal sealed record SinceRunResponse(
    long Tickets,
    long NewTickets,
    long Failures,
    long Reopened,
    long Escalated,
    long FollowedUp,
    long Immature,
    long MatureFirstContacts,
    long ResolvedFirstTime,
    RateDocument? Fcr,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The wire shape of a gap's figures.</summary>
    public static SinceRunResponse From(SinceRunFigures figures, DateTimeOffset? updatedAt) => new(
        figures.Tickets,
        figures.NewTickets,
        figures.Failures,
        figures.Reopened,
        figures.Escalated,
        figures.FollowedUp,
        figures.Immature,
        figures.MatureFirstContacts,
        figures.ResolvedFirstTime,
        figures.Fcr is { } rate ? new RateDocument { Rate = rate.Value, Numerator = rate.Numerator, Denominator = rate.Denominator, CiLow = rate.CiLow, CiHigh = rate.CiHigh } : null,
        updatedAt);
}
