using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>A headline metric as the reports show it: its label, its definition and where its rate lives.</summary>
internal sealed record MetricInfo(string Label, string Description, Func<MetricSetDocument, RateDocument?> Select);
