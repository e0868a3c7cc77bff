using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>One gap with the analysis it comes from.</summary>
internal sealed record GapResponse(string AnalysisId, GapDocument Gap);
