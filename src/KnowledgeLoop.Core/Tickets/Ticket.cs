namespace KnowledgeLoop.Core.Tickets;

/// <summary>A support ticket as the metrics and the gap analysis see it, whatever helpdesk it came from.</summary>
public sealed record Ticket
{
    /// <summary>The helpdesk's ticket id (e.g. "12345", "INC0000045", "SUP-17").</summary>
    public required string Id { get; init; }

    /// <summary>When the customer opened the ticket (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who asked: the requester, caller or contact; follow-ups and NIA are per customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The subject line; a ticket has a subject, a description or both.</summary>
    public string? Subject { get; init; }

    /// <summary>The first customer message.</summary>
    public string? Description { get; init; }

    /// <summary>When the ticket was (last) resolved; null while unresolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The helpdesk status as exported (open, solved, closed, ...).</summary>
    public string? Status { get; init; }

    /// <summary>Where the ticket came in: email, web, chat, phone, ...</summary>
    public string? Channel { get; init; }

    /// <summary>The topic category the helpdesk assigned.</summary>
    public string? Category { get; init; }

    /// <summary>The product or module the ticket is about.</summary>
    public string? Product { get; init; }

    /// <summary>Priority or support tier.</summary>
    public string? Priority { get; init; }

    /// <summary>The agent group (team, queue, assignment group).</summary>
    public string? Group { get; init; }

    /// <summary>The assigned agent.</summary>
    public string? Agent { get; init; }

    /// <summary>The resolution text (close notes, the answer that worked).</summary>
    public string? Resolution { get; init; }

    /// <summary>How many times the ticket was reopened after a resolution. Defaults to 0.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Whether the ticket left the first tier (escalated, or transferred to another group).</summary>
    public bool Escalated { get; init; }

    /// <summary>The escalation level as exported (e.g. ServiceNow's 0..3), when the export has one.</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>How many times the ticket changed group or was reassigned, when the export has it.</summary>
    public int? GroupTransfers { get; init; }

    /// <summary>Public agent replies, when the export has them.</summary>
    public int? Replies { get; init; }

    /// <summary>Knowledge articles linked to the ticket (KCS link).</summary>
    public IReadOnlyList<string> LinkedArticleIds { get; init; } = [];

    /// <summary>Customer satisfaction score as exported (e.g. 1..5, or 1 = good / 0 = bad).</summary>
    public double? Csat { get; init; }

    /// <summary>Who resolved the ticket, when the export says.</summary>
    public ResolvedBy? ResolvedBy { get; init; }

    /// <summary>Later messages (comments, conversation parts) after the first one, oldest first.</summary>
    public IReadOnlyList<TicketMessage> Messages { get; init; } = [];

    /// <summary>Columns the import did not map to a field, kept by their original name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = EmptyAttributes;

    /// <summary>Whether the ticket has been resolved.</summary>
    public bool IsResolved => ResolvedAt is not null;

    /// <summary>Subject and description joined: the text the analysis reads.</summary>
    public string Text => (Subject, Description) switch
    {
        (null or "", var d) => d ?? string.Empty,
        (var s, null or "") => s,
        var (s, d) => s + "\n" + d,
    };

    internal static readonly IReadOnlyDictionary<string, string> EmptyAttributes =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
