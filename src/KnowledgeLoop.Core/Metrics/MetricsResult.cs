namespace KnowledgeLoop.Core.Metrics;

/// <summary>Everything <see cref="MetricsEngine.Compute"/> finds: counts, overall and segmented metrics, articles, diagnostics and per-ticket outcomes.</summary>
public sealed record MetricsResult
{
    /// <summary>The time maturity was judged at (the option, or the latest timestamp in the data).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The population counts.</summary>
    public required MetricCounts Counts { get; init; }

    /// <summary>The metrics over all tickets and sessions.</summary>
    public required MetricSet Overall { get; init; }

    /// <summary>Per requested dimension, its segments sorted by ticket count (descending), then key (ordinal).</summary>
    public required IReadOnlyDictionary<SegmentDimension, IReadOnlyList<SegmentMetrics>> Segments { get; init; }

    /// <summary>Every article linked by a ticket or viewed in a session, most linked first.</summary>
    public required IReadOnlyList<ArticleMetrics> Articles { get; init; }

    /// <summary>Misleading-metric findings: per dimension in the order of <see cref="MetricsOptions.Segments"/> (rows in segment order), then the overall month-over-month ones.</summary>
    public required IReadOnlyList<MetricDiagnostic> Diagnostics { get; init; }

    /// <summary>One outcome per ticket, in the order the tickets were passed (index i is ticket i).</summary>
    public required IReadOnlyList<TicketOutcome> Outcomes { get; init; }

    /// <summary>The tickets' timeline the metrics were computed on, so later per-ticket windows (next-issue paths) need not rebuild it.</summary>
    internal TicketTimeline? Timeline { get; init; }
}
