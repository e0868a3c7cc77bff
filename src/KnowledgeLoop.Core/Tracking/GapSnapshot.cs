namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// One gap of one run: its geometry (what matching and incremental assignment need), the figures its history shows,
/// and its lineage. Ticket ids persist across runs, so member sets of two runs compare directly.
/// </summary>
public sealed record GapSnapshot
{
    /// <summary>The gap's id (stable across runs, <c>GapMatcher</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The merged cluster's centroid, L2-normalized (unit length), in the run's embedding space.</summary>
    public required float[] Centroid { get; init; }

    /// <summary>Every ticket assigned to the gap (failures and the rest), sorted ordinally.</summary>
    public required IReadOnlyList<string> MemberTicketIds { get; init; }

    /// <summary>The gap's failed tickets (a subset of <see cref="MemberTicketIds"/>: report.json's <c>failure_ticket_ids</c>), sorted ordinally.</summary>
    public required IReadOnlyList<string> FailureTicketIds { get; init; }

    /// <summary>Rank in the run's report (1 = largest expected FCR lift).</summary>
    public int Rank { get; init; }

    /// <summary>The gap's title in that run.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The gap type's contract name in that run (missing, ineffective, ...).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Tickets in the gap (report.json's <c>ticket_count</c>).</summary>
    public long TicketCount { get; init; }

    /// <summary>Failures in the gap (report.json's <c>failure_count</c>).</summary>
    public long FailureCount { get; init; }

    /// <summary>FCR numerator: mature first contacts of the gap resolved first time; null when not computable.</summary>
    public long? FcrNumerator { get; init; }

    /// <summary>FCR denominator: mature first contacts of the gap; null when not computable.</summary>
    public long? FcrDenominator { get; init; }

    /// <summary>FCR of the gap (numerator ÷ denominator); null when not computable.</summary>
    public double? Fcr { get; init; }

    /// <summary>The best-matching article's id, or null.</summary>
    public string? TopArticleId { get; init; }

    /// <summary>How this gap relates to the previous run's gaps.</summary>
    public required GapLineage Lineage { get; init; }
}
