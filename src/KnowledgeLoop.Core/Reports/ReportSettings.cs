namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json "settings": what the run was configured with; the gap analysis adds its own members.</summary>
public sealed record ReportSettings
{
    /// <summary>The configured as_of, or null when it defaulted to the latest timestamp in the data.</summary>
    public required DateTimeOffset? AsOfOverride { get; init; }

    /// <summary>The calendar FCR/follow-up window in hours (unused when business days are set).</summary>
    public required double FcrWindowHours { get; init; }

    /// <summary>The FCR/follow-up window in business days, or null for the calendar window.</summary>
    public required int? FcrBusinessDays { get; init; }

    /// <summary>The deflection window in hours.</summary>
    public required double DeflectionWindowHours { get; init; }

    /// <summary>The NIA window in hours.</summary>
    public required double NiaWindowHours { get; init; }

    /// <summary>The segment dimensions, lowercase.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>The smallest sample a diagnostic fires on.</summary>
    public required int DiagnosticMinimumSample { get; init; }
}
