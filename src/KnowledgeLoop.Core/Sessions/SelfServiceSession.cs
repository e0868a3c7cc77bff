using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Sessions;

/// <summary>A customer's self-service visit: a help-center search or a bot conversation.</summary>
public sealed record SelfServiceSession
{
    /// <summary>The session id.</summary>
    public required string Id { get; init; }

    /// <summary>The customer, matched against tickets' customer ids for deflection.</summary>
    public required string CustomerId { get; init; }

    /// <summary>When the session started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>What the customer searched for or asked.</summary>
    public string? Query { get; init; }

    /// <summary>Articles the customer viewed in the session.</summary>
    public IReadOnlyList<string> ViewedArticleIds { get; init; } = [];

    /// <summary>Where: help center, bot, in-app widget, ...</summary>
    public string? Channel { get; init; }

    /// <summary>Fields the import did not map, kept by their original name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = Ticket.EmptyAttributes;
}
