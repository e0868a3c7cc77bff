using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>
/// The FCR outcome of some tickets as the data stands now, without computing the metrics of the whole store: a ticket's
/// outcome depends only on itself, the other tickets of its customer (follow-ups) and the as-of time, so the metrics
/// run over the tickets of the customers involved, as of the store's latest timestamp (the metrics' default "now").
/// </summary>
public static class OutcomesSoFar
{
    /// <summary>The outcome of each of <paramref name="tickets"/> (stored tickets), with <paramref name="metrics"/>' windows.</summary>
    public static IReadOnlyDictionary<string, TicketOutcome> Compute(IncrementalRepository repository, IReadOnlyCollection<Ticket> tickets, MetricsOptions metrics)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(metrics);
        var result = new Dictionary<string, TicketOutcome>(StringComparer.Ordinal);
        if (tickets.Count == 0)
        {
            return result;
        }

        var customers = tickets.Select(t => t.CustomerId).ToHashSet(StringComparer.Ordinal);
        var related = repository.TicketsOfCustomers(customers);
        var options = new MetricsOptions
        {
            AsOf = repository.LatestTimestamp(), // "so far": the data's now, even when the run fixed its as-of
            FcrWindow = metrics.FcrWindow,
            FcrBusinessDays = metrics.FcrBusinessDays,
            DeflectionWindow = metrics.DeflectionWindow,
            NiaWindow = metrics.NiaWindow,
            Segments = [],
            DiagnosticMinimumSample = metrics.DiagnosticMinimumSample,
        };
        var computed = MetricsEngine.Compute(related, [], options);
        var wanted = tickets.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var outcome in computed.Outcomes)
        {
            if (wanted.Contains(outcome.TicketId))
            {
                result[outcome.TicketId] = outcome;
            }
        }

        return result;
    }

    /// <summary>
    /// A failure as the analysis selects them (DESIGN §4.1): a mature first contact that failed, or a first contact still
    /// in its window that was already reopened, escalated or followed up (knowable now; it will count as a failure once mature).
    /// </summary>
    public static bool IsFailure(TicketOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.IsObservedFailure;
    }
}
