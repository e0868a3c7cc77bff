using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// A ticket's later words from its customer: the public messages after the first one (comments, conversation
/// parts, the text of a reopen or a follow-up) whose author is "customer" or the ticket's own customer id,
/// oldest first, joined by blank lines.
/// </summary>
public static class LaterMessages
{
    /// <summary>The customer's later text, or null when the ticket carries none.</summary>
    public static string? CustomerText(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        List<string>? bodies = null;
        foreach (var message in ticket.Messages)
        {
            if (IsCustomer(ticket, message) && !string.IsNullOrWhiteSpace(message.Body))
            {
                (bodies ??= []).Add(message.Body.Trim());
            }
        }

        return bodies is null ? null : string.Join("\n\n", bodies);
    }

    /// <summary>Whether a message is the customer's own and public.</summary>
    public static bool IsCustomer(Ticket ticket, TicketMessage message)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(message);
        return message.Public
            && message.Author is { } author
            && (string.Equals(author, "customer", StringComparison.OrdinalIgnoreCase) || string.Equals(author, ticket.CustomerId, StringComparison.OrdinalIgnoreCase));
    }
}
