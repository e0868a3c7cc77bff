namespace KnowledgeLoop.Core.Metrics;

/// <summary>The metrics of one segment, e.g. category "Billing" or month "2026-06"; a missing attribute is keyed "(none)".</summary>
/// <param name="Key">The segment's value of the dimension.</param>
/// <param name="Tickets">Tickets in the segment.</param>
/// <param name="Metrics">The segment's metrics.</param>
public sealed record SegmentMetrics(string Key, long Tickets, MetricSet Metrics)
{
    /// <summary>The key of tickets that have no value for the dimension.</summary>
    public const string NoneKey = "(none)";
}
