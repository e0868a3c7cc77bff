using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>What a gap costs (DESIGN §4.8); computed by <see cref="GapImpactCalculator"/>, where each figure is defined.</summary>
public sealed record GapImpact
{
    /// <summary>The cluster (gap) id.</summary>
    public required string GapId { get; init; }

    /// <summary>Tickets in the cluster.</summary>
    public required long Tickets { get; init; }

    /// <summary>First contacts in the cluster.</summary>
    public required long FirstContacts { get; init; }

    /// <summary>Mature first contacts in the cluster (the FCR denominator).</summary>
    public required long MatureFirstContacts { get; init; }

    /// <summary>Failed mature first contacts in the cluster.</summary>
    public required long Failures { get; init; }

    /// <summary>The cluster's FCR; null without mature first contacts.</summary>
    public required Rate? Fcr { get; init; }

    /// <summary>FCR of every other mature first contact; null when the cluster is the whole population.</summary>
    public required Rate? RestFcr { get; init; }

    /// <summary>Cluster failures ÷ all mature first contacts (a fraction: 0.012 = 1.2 FCR points).</summary>
    public required double FcrPointsLost { get; init; }

    /// <summary>Expected overall FCR gain (a fraction) if the cluster resolved like the rest; ≥ 0.</summary>
    public required double ExpectedLift { get; init; }

    /// <summary>Bootstrap 95% percentile interval of <see cref="ExpectedLift"/>; null when no resamples were asked for.</summary>
    public required double? ExpectedLiftCiLow { get; init; }

    /// <summary>Bootstrap 95% percentile interval of <see cref="ExpectedLift"/>.</summary>
    public required double? ExpectedLiftCiHigh { get; init; }

    /// <summary>Failed first contacts created in the last trend period before as_of.</summary>
    public required long FailuresLastPeriod { get; init; }

    /// <summary>Failed first contacts created in the period before that.</summary>
    public required long FailuresPreviousPeriod { get; init; }

    /// <summary>(last − previous) ÷ max(previous, 1); null when both are 0.</summary>
    public required double? Trend { get; init; }

    /// <summary>New and growing fast (see <see cref="GapImpactCalculator"/>).</summary>
    public required bool Emerging { get; init; }

    /// <summary>Failures × cost per contact; null when no cost is configured.</summary>
    public required double? FailureCost { get; init; }

    /// <summary>Failures × minutes per contact ÷ 60; null when not configured.</summary>
    public required double? FailureHours { get; init; }

    /// <summary>Mean CSAT of the cluster's tickets that have one; null when none has.</summary>
    public required double? Csat { get; init; }

    /// <summary>Median hours from creation to resolution of the cluster's resolved tickets; null when none is resolved.</summary>
    public required double? MedianHoursToResolution { get; init; }

    /// <summary>Resolved tickets reopened at least once ÷ resolved tickets.</summary>
    public required Rate? ReopenRate { get; init; }

    /// <summary>Escalated (or transferred) tickets ÷ tickets.</summary>
    public required Rate? EscalationRate { get; init; }

    /// <summary>Resolved tickets after which the customer stayed away for the NIA window ÷ those judged.</summary>
    public required Rate? NiaRate { get; init; }

    /// <summary>Resolved tickets linking any article ÷ resolved tickets.</summary>
    public required Rate? LinkRate { get; init; }

    /// <summary>The cluster's session deflection, passed through; null without session data.</summary>
    public required Rate? DeflectionRate { get; init; }

    /// <summary>Failed first contacts per ISO week (Monday UTC), oldest first, from the cluster's first week to as_of.</summary>
    public required IReadOnlyList<WeeklyCount> WeeklyFailures { get; init; }
}
