namespace KnowledgeLoop.Core.Tickets;

/// <summary>A later message on a ticket (a comment or conversation part).</summary>
public sealed record TicketMessage
{
    /// <summary>When the message was written (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The message text.</summary>
    public required string Body { get; init; }

    /// <summary>Who wrote it: "customer", "agent" or the export's author id.</summary>
    public string? Author { get; init; }

    /// <summary>False for internal notes.</summary>
    public bool Public { get; init; } = true;
}
