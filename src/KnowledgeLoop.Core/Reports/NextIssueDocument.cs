namespace KnowledgeLoop.Core.Reports;

/// <summary>One of a gap's <c>next_issues</c>: the gap its customers opened a ticket in next, within the NIA window.</summary>
public sealed record NextIssueDocument
{
    /// <summary>The target gap's id; null for the unclustered bucket (next tickets in no gap).</summary>
    public required string? GapId { get; init; }

    /// <summary>The target gap's title, or "unclustered".</summary>
    public required string Title { get; init; }

    /// <summary>The gap's mature resolved tickets followed by at least one ticket in the target (each counted once).</summary>
    public required int Tickets { get; init; }

    /// <summary><see cref="Tickets"/> ÷ the gap's mature resolved tickets (the denominator of <c>related_nia</c>).</summary>
    public required double Share { get; init; }

    /// <summary>
    /// <see cref="Share"/> ÷ the share of all other gaps' mature resolved tickets followed by a ticket in the target:
    /// above 1 the path is stronger than the target's volume explains; null when no other gap's tickets are mature.
    /// </summary>
    public double? Lift { get; init; }
}
