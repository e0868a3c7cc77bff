namespace KnowledgeLoop.Core.Reports;

/// <summary>One row of report.json "articles" (an extension of DESIGN §9): how an article performs.</summary>
public sealed record ArticleDocument
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>Tickets linking it.</summary>
    public required long LinkedTickets { get; init; }

    /// <summary>Article FCR: the FCR of the first contacts linking it.</summary>
    public required RateDocument? Fcr { get; init; }

    /// <summary>Self-service sessions that viewed it.</summary>
    public required long SessionsViewed { get; init; }

    /// <summary>Deflection among the mature sessions that viewed it.</summary>
    public required RateDocument? DeflectionRate { get; init; }
}
