namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json "metrics" (and each segment's "metrics"): rate objects only, null when not computable.</summary>
public sealed record MetricSetDocument
{
    /// <summary>First Contact Resolution.</summary>
    public required RateDocument? Fcr { get; init; }

    /// <summary>Reopen rate.</summary>
    public required RateDocument? ReopenRate { get; init; }

    /// <summary>Escalation rate.</summary>
    public required RateDocument? EscalationRate { get; init; }

    /// <summary>First-tier resolution rate.</summary>
    public required RateDocument? FirstTierResolutionRate { get; init; }

    /// <summary>Repeat-contact rate.</summary>
    public required RateDocument? RepeatContactRate { get; init; }

    /// <summary>Knowledge deflection rate.</summary>
    public required RateDocument? DeflectionRate { get; init; }

    /// <summary>Next-issue avoidance rate.</summary>
    public required RateDocument? NiaRate { get; init; }

    /// <summary>KCS link rate.</summary>
    public required RateDocument? LinkRate { get; init; }

    /// <summary>Autonomous (bot) resolution rate; an extension of DESIGN §9.</summary>
    public required RateDocument? AutonomousResolutionRate { get; init; }
}
