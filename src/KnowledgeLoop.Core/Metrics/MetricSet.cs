namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Every metric of one population (all tickets, or one segment); a null rate is "not computable"
/// (nothing in its denominator), never 0.
/// </summary>
public sealed record MetricSet
{
    /// <summary>First Contact Resolution: successful ÷ mature first contacts.</summary>
    public Rate? Fcr { get; init; }

    /// <summary>Resolved tickets reopened at least once ÷ resolved tickets.</summary>
    public Rate? ReopenRate { get; init; }

    /// <summary>Escalated tickets ÷ tickets.</summary>
    public Rate? EscalationRate { get; init; }

    /// <summary>Resolved tickets never escalated ÷ resolved tickets.</summary>
    public Rate? FirstTierResolutionRate { get; init; }

    /// <summary>Follow-ups ÷ tickets.</summary>
    public Rate? RepeatContactRate { get; init; }

    /// <summary>Mature sessions with no ticket from the customer within the deflection window ÷ mature sessions.</summary>
    public Rate? DeflectionRate { get; init; }

    /// <summary>Next-issue avoidance: mature resolved tickets with no new ticket from the customer within the NIA window ÷ mature resolved tickets.</summary>
    public Rate? NiaRate { get; init; }

    /// <summary>Resolved tickets with at least one linked article ÷ resolved tickets (KCS link rate).</summary>
    public Rate? LinkRate { get; init; }

    /// <summary>Bot-resolved tickets with no reopen and no follow-up ÷ mature bot-handled tickets.</summary>
    public Rate? AutonomousResolutionRate { get; init; }

    /// <summary>The median of resolved_at − created_at over resolved tickets; null when none is resolved.</summary>
    public TimeSpan? MedianTimeToResolution { get; init; }
}
