using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Several gaps per ticket (issue 8): a failed first contact whose customer wrote again later (a reopen, a follow-up
/// message) may have failed on a second topic. The later customer text (<see cref="LaterMessages.CustomerText"/>) is
/// embedded on its own with the tickets' embedder and assigned to the nearest cluster within that cluster's cut-off,
/// like any ticket; when that cluster is not the ticket's own (primary) one, the failure is attributed to it as a
/// secondary failure. Secondary failures are listed and counted apart: a gap's failure count, FCR, points lost and
/// expected lift stay those of its primary members, so every failure weighs once in the ranking and the gaps' lifts
/// still add up.
/// </summary>
public static class SecondaryFailures
{
    /// <summary>The rows to embed: mature failed first contacts that carry later customer text, with that text.</summary>
    public static IReadOnlyList<(int Ticket, string Text)> Candidates(IReadOnlyList<Ticket> tickets, IReadOnlyList<TicketOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(outcomes);
        var candidates = new List<(int, string)>();
        for (var i = 0; i < tickets.Count; i++)
        {
            if (outcomes[i].Fcr == FcrOutcome.Failure && LaterMessages.CustomerText(tickets[i]) is { } text)
            {
                candidates.Add((i, text));
            }
        }

        return candidates;
    }

    /// <summary>
    /// Per cluster, the tickets attributed to it as secondary failures, in ticket order: candidate k's later text was
    /// assigned to <paramref name="laterCluster"/>[k] (or -1), and it is secondary there when that differs from the
    /// ticket's own cluster <paramref name="clusterOfTicket"/>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Attribute(IReadOnlyList<int> candidateTickets, IReadOnlyList<int> laterCluster, IReadOnlyList<int> clusterOfTicket, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(candidateTickets);
        ArgumentNullException.ThrowIfNull(laterCluster);
        ArgumentNullException.ThrowIfNull(clusterOfTicket);
        if (laterCluster.Count != candidateTickets.Count)
        {
            throw new ArgumentException($"{laterCluster.Count} assignments for {candidateTickets.Count} candidates.", nameof(laterCluster));
        }

        var secondary = new List<int>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            secondary[c] = [];
        }

        for (var k = 0; k < candidateTickets.Count; k++)
        {
            var cluster = laterCluster[k];
            var ticket = candidateTickets[k];
            if (cluster >= 0 && cluster < clusterCount && cluster != clusterOfTicket[ticket])
            {
                secondary[cluster].Add(ticket);
            }
        }

        foreach (var list in secondary)
        {
            list.Sort();
        }

        return secondary;
    }
}
