namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary><c>GET /api/gaps/emerging</c>: the latest run's provisional gaps and what fits no gap since it.</summary>
/// <param name="RunId">The latest run (analysis id), or null when none.</param>
/// <param name="Unassigned">Tickets imported since the run that fit no gap.</param>
/// <param name="UnassignedFailures">Failures (so far) among them: the pool emerging gaps come from.</param>
/// <param name="Gaps">The emerging gaps, largest first.</param>
internal sealed record EmergingGapListResponse(string? RunId, long Unassigned, long UnassignedFailures, IReadOnlyList<EmergingGapResponse> Gaps);
