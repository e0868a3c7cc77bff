using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Api.Features.Tickets;

/// <summary>A ticket on the wire (DESIGN §9's generic field names).</summary>
internal sealed record TicketResponse(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string CustomerId,
    string? Subject,
    string? Description,
    string? Status,
    string? Channel,
    string? Category,
    string? Product,
    string? Priority,
    string? Group,
    string? Agent,
    string? Resolution,
    int ReopenCount,
    bool Escalated,
    IReadOnlyList<string> LinkedArticleIds,
    double? Csat,
    ResolvedBy? ResolvedBy)
{
    /// <summary>The wire shape of a ticket.</summary>
    public static TicketResponse From(Ticket ticket) => new(
        ticket.Id, ticket.CreatedAt, ticket.ResolvedAt, ticket.CustomerId, ticket.Subject, ticket.Description, ticket.Status,
        ticket.Channel, ticket.Category, ticket.Product, ticket.Priority, ticket.Group, ticket.Agent, ticket.Resolution,
        ticket.ReopenCount, ticket.Escalated, ticket.LinkedArticleIds, ticket.Csat, ticket.ResolvedBy);
}
