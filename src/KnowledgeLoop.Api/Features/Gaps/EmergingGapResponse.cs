using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// A provisional gap raised between runs from new failures that fit no gap (<see cref="EmergingGap"/>): no rank, type
/// or articles yet; the next analysis clusters its tickets like any others.
/// </summary>
internal sealed record EmergingGapResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Keywords,
    bool Emerging,
    bool Provisional,
    long TicketCount,
    IReadOnlyList<string> TicketIds,
    DateTimeOffset CreatedAt)
{
    /// <summary>The wire shape of an emerging gap.</summary>
    public static EmergingGapResponse From(EmergingGap gap) =>
        new(gap.Id, gap.Title, gap.Keywords, Emerging: true, Provisional: true, gap.TicketIds.Count, gap.TicketIds, gap.CreatedAt);
}
