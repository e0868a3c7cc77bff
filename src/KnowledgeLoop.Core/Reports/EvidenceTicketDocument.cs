namespace KnowledgeLoop.Core.Reports;

/// <summary>A ticket shown as evidence of a gap, with what a reviewer needs to judge it.</summary>
public sealed record EvidenceTicketDocument
{
    /// <summary>The ticket id.</summary>
    public required string Id { get; init; }

    /// <summary>The subject, or the start of the description.</summary>
    public required string Subject { get; init; }

    /// <summary>The cleaned text (quotes, signatures removed; e-mails and phones masked), shortened.</summary>
    public required string Excerpt { get; init; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>success, failure, immature or follow_up.</summary>
    public required string Outcome { get; init; }

    /// <summary>Why it failed: reopened, escalated, followed_up, unresolved.</summary>
    public required IReadOnlyList<string> FailureReasons { get; init; }

    /// <summary>True for the tickets nearest the centroid.</summary>
    public required bool Representative { get; init; }

    /// <summary>Cosine similarity to the cluster centroid.</summary>
    public required double Similarity { get; init; }

    /// <summary>The resolution text, shortened.</summary>
    public string? Resolution { get; init; }

    /// <summary>Articles the ticket links.</summary>
    public IReadOnlyList<string> LinkedArticleIds { get; init; } = [];

    /// <summary>The category, agent and group, for context.</summary>
    public string? Category { get; init; }

    /// <summary>The agent.</summary>
    public string? Agent { get; init; }
}
