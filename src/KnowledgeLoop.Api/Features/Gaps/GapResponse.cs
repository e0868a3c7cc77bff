namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>One gap (with its <c>since_run</c> figures) and the analysis it comes from.</summary>
internal sealed record GapResponse(string AnalysisId, GapItem Gap);
