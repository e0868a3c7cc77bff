namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// The ranked gaps of the latest succeeded analysis; empty with a null id when none has run. Each gap carries its
/// <c>since_run</c> figures; <c>emerging_gaps</c> follows with the provisional gaps raised at import since the run.
/// </summary>
internal sealed record GapListResponse(string? AnalysisId, DateTimeOffset? GeneratedAt, DateTimeOffset? AsOf, IReadOnlyList<GapItem> Gaps, IReadOnlyList<EmergingGapResponse>? EmergingGaps = null);
