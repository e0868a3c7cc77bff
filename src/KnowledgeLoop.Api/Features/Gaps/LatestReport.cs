using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>A succeeded analysis and its parsed report.</summary>
internal sealed record LatestReport(AnalysisRecord Record, ReportDocument Report);
