namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json "counts".</summary>
public sealed record CountsDocument
{
    /// <summary>All tickets.</summary>
    public required long Tickets { get; init; }

    /// <summary>Tickets that are not follow-ups.</summary>
    public required long FirstContacts { get; init; }

    /// <summary>First contacts whose FCR window has elapsed.</summary>
    public required long MatureFirstContacts { get; init; }

    /// <summary>First contacts whose FCR window has not elapsed.</summary>
    public required long Immature { get; init; }

    /// <summary>Mature first contacts that failed.</summary>
    public required long Failures { get; init; }

    /// <summary>Articles in the knowledge base.</summary>
    public required long Articles { get; init; }

    /// <summary>Self-service sessions.</summary>
    public required long Sessions { get; init; }
}
