namespace KnowledgeLoop.Core.Tracking;

/// <summary>One run's figures of a gap (<c>GET /api/gaps/{id}/history</c>).</summary>
public sealed record GapHistoryEntry
{
    /// <summary>The run (analysis id).</summary>
    public required string RunId { get; init; }

    /// <summary>When the run was stored.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The run's as-of time.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>The gap's id in that run: the asked-for id, or a gap it later absorbed (merged).</summary>
    public required string GapId { get; init; }

    /// <summary>Rank in that run's report.</summary>
    public int Rank { get; init; }

    /// <summary>Title in that run.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Gap type in that run.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Tickets in the gap.</summary>
    public long TicketCount { get; init; }

    /// <summary>Failures in the gap.</summary>
    public long FailureCount { get; init; }

    /// <summary>FCR numerator (mature first contacts resolved first time), or null.</summary>
    public long? FcrNumerator { get; init; }

    /// <summary>FCR denominator (mature first contacts), or null.</summary>
    public long? FcrDenominator { get; init; }

    /// <summary>FCR, or null.</summary>
    public double? Fcr { get; init; }

    /// <summary>The best-matching article's id, or null.</summary>
    public string? TopArticleId { get; init; }

    /// <summary>The gap's lineage in that run.</summary>
    public required GapLineage Lineage { get; init; }
}
