using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// The tickets as time series: per customer in created order, and per thread (customer + category)
/// in created order, built with counting sorts plus one sort per customer, so every window search
/// is a binary search. Timestamps are UTC ticks; a resolved_at before created_at is read as created_at.
/// Customer ids and categories compare ordinally; a blank category is "no category" and only
/// matches another ticket with no category.
/// </summary>
internal sealed class TicketTimeline
{
    /// <summary>Marks "not resolved" in <see cref="Resolved"/>.</summary>
    public const long NotResolved = -1;

    private TicketTimeline(int count)
    {
        Created = new long[count];
        Resolved = new long[count];
        Customer = new int[count];
        ByCustomer = new int[count];
        CreatedByCustomer = new long[count];
        ByThread = new int[count];
        CreatedByThread = new long[count];
        ResolvedByThread = new long[count];
    }

    /// <summary>created_at per ticket.</summary>
    public long[] Created { get; }

    /// <summary>Effective resolved_at per ticket, or <see cref="NotResolved"/>.</summary>
    public long[] Resolved { get; }

    /// <summary>Customer number per ticket.</summary>
    public int[] Customer { get; }

    /// <summary>Customer id → customer number.</summary>
    public Dictionary<string, int> CustomerNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Ticket indices by customer, then created_at.</summary>
    public int[] ByCustomer { get; }

    /// <summary>created_at in <see cref="ByCustomer"/> order.</summary>
    public long[] CreatedByCustomer { get; }

    /// <summary>Customer c's tickets are <see cref="ByCustomer"/>[CustomerStart[c] .. CustomerStart[c + 1]).</summary>
    public int[] CustomerStart { get; private set; } = [];

    /// <summary>Ticket indices by thread, then created_at.</summary>
    public int[] ByThread { get; }

    /// <summary>created_at in <see cref="ByThread"/> order.</summary>
    public long[] CreatedByThread { get; }

    /// <summary>Per thread range, the thread's resolved_at values sorted, packed from the range's start.</summary>
    public long[] ResolvedByThread { get; }

    /// <summary>Per thread range, how many of <see cref="ResolvedByThread"/> are used.</summary>
    public int[] ResolvedCount { get; private set; } = [];

    /// <summary>Thread t's tickets are <see cref="ByThread"/>[ThreadStart[t] .. ThreadStart[t + 1]).</summary>
    public int[] ThreadStart { get; private set; } = [];

    /// <summary>Indexes the tickets.</summary>
    public static TicketTimeline Build(IReadOnlyList<Ticket> tickets)
    {
        var n = tickets.Count;
        var timeline = new TicketTimeline(n);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var category = new int[n];
        for (var i = 0; i < n; i++)
        {
            var ticket = tickets[i];
            var created = ticket.CreatedAt.UtcTicks;
            timeline.Created[i] = created;
            timeline.Resolved[i] = ticket.ResolvedAt is { } resolved ? Math.Max(resolved.UtcTicks, created) : NotResolved;
            timeline.Customer[i] = Number(timeline.CustomerNumbers, ticket.CustomerId);

            // Bucket 0 is "no category".
            category[i] = string.IsNullOrWhiteSpace(ticket.Category) ? 0 : Number(categories, ticket.Category) + 1;
        }

        var customers = timeline.CustomerNumbers.Count;
        timeline.CustomerStart = CountingSort(timeline.Customer, customers, Enumerable.Range(0, n).ToArray(), timeline.ByCustomer);
        var start = timeline.CustomerStart;
        for (var c = 0; c < customers; c++)
        {
            var from = start[c];
            var length = start[c + 1] - from;
            for (var k = from; k < from + length; k++)
            {
                timeline.CreatedByCustomer[k] = timeline.Created[timeline.ByCustomer[k]];
            }

            Array.Sort(timeline.CreatedByCustomer, timeline.ByCustomer, from, length);
        }

        // Two stable counting sorts (LSD radix) turn (customer, created) order into (customer, category, created).
        var byCategory = new int[n];
        CountingSort(category, categories.Count + 1, timeline.ByCustomer, byCategory);
        CountingSort(timeline.Customer, customers, byCategory, timeline.ByThread);
        var threadStart = new List<int>();
        for (var k = 0; k < n; k++)
        {
            var ticket = timeline.ByThread[k];
            if (k == 0 || timeline.Customer[ticket] != timeline.Customer[timeline.ByThread[k - 1]] || category[ticket] != category[timeline.ByThread[k - 1]])
            {
                threadStart.Add(k);
            }
        }

        threadStart.Add(n);
        timeline.ThreadStart = [.. threadStart];
        var threads = threadStart.Count - 1;
        timeline.ResolvedCount = new int[threads];
        for (var t = 0; t < threads; t++)
        {
            var from = timeline.ThreadStart[t];
            var used = 0;
            for (var k = from; k < timeline.ThreadStart[t + 1]; k++)
            {
                var ticket = timeline.ByThread[k];
                timeline.CreatedByThread[k] = timeline.Created[ticket];
                if (timeline.Resolved[ticket] != NotResolved)
                {
                    timeline.ResolvedByThread[from + used++] = timeline.Resolved[ticket];
                }
            }

            Array.Sort(timeline.ResolvedByThread, from, used);
            timeline.ResolvedCount[t] = used;
        }

        return timeline;
    }

    /// <summary>The first index in sorted[from..to) whose value is greater than <paramref name="value"/>, or <paramref name="to"/>.</summary>
    public static int UpperBound(long[] sorted, int from, int to, long value)
    {
        var low = from;
        var high = to;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The first index in sorted[from..to) whose value is at least <paramref name="value"/>, or <paramref name="to"/>.</summary>
    public static int LowerBound(long[] sorted, int from, int to, long value)
    {
        var low = from;
        var high = to;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int Number(Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers.Add(key, number);
        }

        return number;
    }

    private static int[] CountingSort(int[] bucketOf, int buckets, int[] order, int[] sorted)
    {
        var start = new int[buckets + 1];
        foreach (var item in order)
        {
            start[bucketOf[item] + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            start[b + 1] += start[b];
        }

        var next = (int[])start.Clone();
        foreach (var item in order)
        {
            sorted[next[bucketOf[item]]++] = item;
        }

        return start;
    }
}
