using KnowledgeLoop.Infrastructure.Tracking;

namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>What the incremental assignment after a ticket import did (<c>assignment</c> on the import response).</summary>
/// <param name="Status">assigned, no_run or unavailable.</param>
/// <param name="Reason">Why it did not run; null when it ran.</param>
/// <param name="RunId">The run the tickets were assigned to.</param>
/// <param name="Tickets">Tickets assigned this time (new or updated since the last assignment).</param>
/// <param name="Assigned">How many got a gap.</param>
/// <param name="Gaps">How many distinct gaps they went to.</param>
/// <param name="UnassignedFailures">Failures (so far) among them that fit no gap.</param>
/// <param name="EmergingGapIds">The run's emerging gaps after this import.</param>
/// <param name="Summary">The same in one line.</param>
internal sealed record ImportAssignmentResponse(
    string Status,
    string? Reason,
    string? RunId,
    int Tickets,
    int Assigned,
    int Gaps,
    int UnassignedFailures,
    IReadOnlyList<string> EmergingGapIds,
    string Summary)
{
    /// <summary>The wire shape of an assignment result.</summary>
    public static ImportAssignmentResponse From(IncrementalResult result) => new(
        result.Status switch
        {
            IncrementalStatus.Assigned => "assigned",
            IncrementalStatus.NoRun => "no_run",
            _ => "unavailable",
        },
        result.Reason,
        result.RunId,
        result.Tickets,
        result.Assigned,
        result.Gaps,
        result.UnassignedFailures,
        result.Emerging.Select(g => g.Id).ToList(),
        result.Describe());
}
