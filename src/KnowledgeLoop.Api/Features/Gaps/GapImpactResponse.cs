using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// A gap's article impact in the latest analysis; <see cref="Impact"/> is null when no article was created, updated or
/// published for the gap in the data period (then <see cref="Note"/> says so).
/// </summary>
internal sealed record GapImpactResponse(string AnalysisId, string GapId, ImpactDocument? Impact, string? Note);
