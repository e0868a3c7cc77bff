using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Api.Features.Metrics;

/// <summary>Which tickets the metrics are computed on.</summary>
/// <param name="From">Tickets created at or after.</param>
/// <param name="Before">Tickets created before.</param>
/// <param name="Dimension">The segment dimension to restrict to.</param>
/// <param name="Value">The segment key to restrict to.</param>
internal sealed record MetricsQuery(DateTimeOffset? From, DateTimeOffset? Before, SegmentDimension? Dimension, string? Value);
