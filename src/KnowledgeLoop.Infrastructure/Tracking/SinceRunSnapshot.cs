using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>Everything assigned at import since the latest run (<see cref="SinceRunReader"/>).</summary>
public sealed record SinceRunSnapshot
{
    /// <summary>The latest run.</summary>
    public required string RunId { get; init; }

    /// <summary>The last import assigned, or null when nothing was assigned since the run.</summary>
    public long? Watermark { get; init; }

    /// <summary>When the last assignment ran, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Per gap id of the run: its figures since the run (every gap of the run has an entry).</summary>
    public required IReadOnlyDictionary<string, SinceRunFigures> Gaps { get; init; }

    /// <summary>Tickets assigned since the run that fit no gap.</summary>
    public long Unassigned { get; init; }

    /// <summary>Failures so far among <see cref="Unassigned"/>.</summary>
    public long UnassignedFailures { get; init; }

    /// <summary>The provisional emerging gaps, largest first.</summary>
    public IReadOnlyList<EmergingGap> Emerging { get; init; } = [];
}
