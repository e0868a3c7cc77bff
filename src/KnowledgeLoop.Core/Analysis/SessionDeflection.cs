using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>
/// Per-session deflection facts, so sessions can be grouped by the cluster their query falls into: a session is
/// mature when its deflection window has passed by as_of, and deflected when the customer opened no ticket within
/// that window (the same rule as the overall deflection rate, DESIGN §3).
/// </summary>
internal static class SessionDeflection
{
    public static (bool Mature, bool Deflected)[] Judge(IReadOnlyList<SelfServiceSession> sessions, IReadOnlyList<Ticket> tickets, TimeSpan window, DateTimeOffset asOf)
    {
        var opened = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var ticket in tickets)
        {
            if (!opened.TryGetValue(ticket.CustomerId, out var times))
            {
                opened[ticket.CustomerId] = times = [];
            }

            times.Add(ticket.CreatedAt);
        }

        foreach (var times in opened.Values)
        {
            times.Sort();
        }

        var facts = new (bool, bool)[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var end = session.StartedAt + window;
            var mature = end <= asOf;
            var deflected = true;
            if (opened.TryGetValue(session.CustomerId, out var times))
            {
                var at = times.BinarySearch(session.StartedAt);
                var first = at >= 0 ? at : ~at;
                while (first > 0 && times[first - 1] == session.StartedAt)
                {
                    first--;
                }

                deflected = first >= times.Count || times[first] > end;
            }

            facts[i] = (mature, deflected);
        }

        return facts;
    }

    /// <summary>The deflection rate of the given sessions, or null when none is mature.</summary>
    public static Rate? Rate(IEnumerable<int> sessions, (bool Mature, bool Deflected)[] facts)
    {
        long mature = 0, deflected = 0;
        foreach (var s in sessions)
        {
            if (facts[s].Mature)
            {
                mature++;
                if (facts[s].Deflected)
                {
                    deflected++;
                }
            }
        }

        return Metrics.Rate.Of(deflected, mature);
    }
}
