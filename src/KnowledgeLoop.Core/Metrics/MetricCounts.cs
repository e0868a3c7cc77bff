namespace KnowledgeLoop.Core.Metrics;

/// <summary>The population counts behind the metrics (report.json "counts").</summary>
public sealed record MetricCounts
{
    /// <summary>All tickets.</summary>
    public required long Tickets { get; init; }

    /// <summary>Tickets that are not follow-ups.</summary>
    public required long FirstContacts { get; init; }

    /// <summary>First contacts whose FCR window has elapsed by as_of: the FCR denominator.</summary>
    public required long MatureFirstContacts { get; init; }

    /// <summary>First contacts whose FCR window has not elapsed: neither success nor failure.</summary>
    public required long Immature { get; init; }

    /// <summary>Mature first contacts that failed (reopened, escalated, followed up or still unresolved).</summary>
    public required long Failures { get; init; }

    /// <summary>Articles in the knowledge base, as passed by the caller.</summary>
    public required long Articles { get; init; }

    /// <summary>All self-service sessions.</summary>
    public required long Sessions { get; init; }
}
