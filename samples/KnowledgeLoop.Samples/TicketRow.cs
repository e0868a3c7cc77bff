namespace KnowledgeLoop.Samples;

/// <summary>One ticket while its day is being assembled; written out and dropped at the end of the day.</summary>
internal sealed class TicketRow
{
    public string Id { get; set; } = "";

    public required long Sequence { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? ResolvedAt { get; set; }

    public string Status { get; set; } = "";

    public required int Contact { get; init; }

    public required string Channel { get; init; }

    public required CompiledTopic Topic { get; init; }

    public string Priority { get; set; } = "normal";

    public string Group { get; set; } = "";

    public string Agent { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public string Resolution { get; set; } = "";

    public int ReopenCount { get; set; }

    public bool Escalated { get; set; }

    public string LinkedArticleIds { get; set; } = "";

    public int Csat { get; set; }

    public string ResolvedBy { get; set; } = "";

    /// <summary>The id of the earlier ticket this one follows up; null for a first contact.</summary>
    public string? ParentId { get; init; }

    /// <summary>Whether the first answer will fail through a follow-up (scheduled once the id is known).</summary>
    public bool PlansFollowUp { get; set; }

    public bool IsFollowUp => ParentId is not null;

    public bool FailedWithoutFollowUp => ReopenCount > 0 || Escalated;
}
