namespace KnowledgeLoop.Samples;

/// <summary>One self-service session, buffered until no later session can sort before it.</summary>
internal sealed class SessionRow
{
    public required long Sequence { get; init; }

    public required DateTime StartedAt { get; init; }

    public required int Contact { get; init; }

    public required CompiledTopic Topic { get; init; }

    public required string Query { get; init; }

    public required string ViewedArticleIds { get; init; }

    public required string Channel { get; init; }

    /// <summary>The ticket the customer opened afterwards (not deflected), or null.</summary>
    public TicketRow? FollowedBy { get; init; }
}
