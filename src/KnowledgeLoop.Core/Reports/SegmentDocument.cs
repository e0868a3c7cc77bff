namespace KnowledgeLoop.Core.Reports;

/// <summary>One row of report.json "segments.&lt;dimension&gt;".</summary>
public sealed record SegmentDocument
{
    /// <summary>The segment key; "(none)" for tickets without the attribute.</summary>
    public required string Key { get; init; }

    /// <summary>Tickets in the segment.</summary>
    public required long Tickets { get; init; }

    /// <summary>Median hours from created_at to resolved_at over resolved tickets; null when none. Kept outside "metrics", which holds rate objects only.</summary>
    public required double? MedianHoursToResolution { get; init; }

    /// <summary>The segment's rates, named as in the top-level "metrics".</summary>
    public required MetricSetDocument Metrics { get; init; }
}
