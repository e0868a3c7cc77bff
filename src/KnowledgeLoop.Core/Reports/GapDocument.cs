namespace KnowledgeLoop.Core.Reports;

/// <summary>One of report.json "gaps" (DESIGN §9); written by the gap analysis, absent from metrics-only documents.</summary>
public sealed record GapDocument
{
    /// <summary>The stable gap id.</summary>
    public required string Id { get; init; }

    /// <summary>1 = the largest expected FCR lift.</summary>
    public required int Rank { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>missing, ineffective, outdated, findability, process or duplicate.</summary>
    public required string Type { get; init; }

    /// <summary>The rule that fired, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Top c-TF-IDF terms.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>New and growing fast.</summary>
    public required bool Emerging { get; init; }

    /// <summary>Tickets in the cluster.</summary>
    public required long TicketCount { get; init; }

    /// <summary>Failed first contacts in the cluster.</summary>
    public required long FailureCount { get; init; }

    /// <summary>The cluster's FCR.</summary>
    public required RateDocument? Fcr { get; init; }

    /// <summary>Cluster failures ÷ all mature first contacts.</summary>
    public required double FcrPointsLost { get; init; }

    /// <summary>(FCR of the rest − FCR of the cluster) × cluster volume ÷ all first contacts.</summary>
    public required double ExpectedFcrLift { get; init; }

    /// <summary>Failures in the last 4 weeks vs the 4 before.</summary>
    public required double? Trend { get; init; }

    /// <summary>Share of the cluster's tickets whose best article passes the threshold.</summary>
    public required double Coverage { get; init; }

    /// <summary>The best matching articles.</summary>
    public required IReadOnlyList<GapArticleDocument> TopArticles { get; init; }

    /// <summary>The tickets nearest the centroid.</summary>
    public required IReadOnlyList<string> RepresentativeTicketIds { get; init; }

    /// <summary>The cluster's failed tickets.</summary>
    public required IReadOnlyList<string> FailureTicketIds { get; init; }
}
