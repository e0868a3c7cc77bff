using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>The ranked gaps of the latest succeeded analysis; empty with a null id when none has run.</summary>
internal sealed record GapListResponse(string? AnalysisId, DateTimeOffset? GeneratedAt, DateTimeOffset? AsOf, IReadOnlyList<GapDocument> Gaps);
