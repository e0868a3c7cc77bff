namespace KnowledgeLoop.Core.Metrics;

/// <summary>What the aggregations need to know about one ticket, computed once.</summary>
internal struct TicketFacts
{
    /// <summary>No verdict: not in the metric's population.</summary>
    public const sbyte NotCounted = -1;

    public bool Resolved;
    public bool Reopened;
    public bool Escalated;
    public bool IsFollowUp;
    public bool Linked;
    public FcrOutcome Fcr;

    /// <summary>Next-issue avoidance: -1 not counted, 0 a new ticket came, 1 avoided.</summary>
    public sbyte Nia;

    /// <summary>Autonomous resolution: -1 not counted, 0 failed, 1 succeeded.</summary>
    public sbyte Autonomous;

    /// <summary>resolved_at − created_at in ticks; meaningful only when resolved.</summary>
    public long ResolutionTicks;
}
