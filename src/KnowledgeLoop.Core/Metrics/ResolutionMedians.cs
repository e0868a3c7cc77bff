namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Median time to resolution of many groups at once: the resolved tickets are sorted by duration
/// once, and one pass in that order picks each group's middle values, so segmenting by eight
/// dimensions costs one sort instead of eight. The median of an even count is the mean of the two
/// middle values.
/// </summary>
internal sealed class ResolutionMedians
{
    private readonly int[] _byDuration;
    private readonly long[] _sortedTicks;

    /// <summary>Sorts the resolved tickets by resolution time.</summary>
    public ResolutionMedians(TicketFacts[] facts)
    {
        var resolved = 0;
        foreach (ref readonly var f in facts.AsSpan())
        {
            resolved += f.Resolved ? 1 : 0;
        }

        _byDuration = new int[resolved];
        _sortedTicks = new long[resolved];
        var k = 0;
        for (var i = 0; i < facts.Length; i++)
        {
            if (facts[i].Resolved)
            {
                _byDuration[k] = i;
                _sortedTicks[k++] = facts[i].ResolutionTicks;
            }
        }

        Array.Sort(_sortedTicks, _byDuration);
    }

    /// <summary>The median over all resolved tickets.</summary>
    public TimeSpan? Overall() => _sortedTicks.Length == 0
        ? null
        : Middle(_sortedTicks[(_sortedTicks.Length - 1) / 2], _sortedTicks[_sortedTicks.Length / 2]);

    /// <summary>Per group, the median over its resolved tickets (<paramref name="groupOf"/> maps ticket → group).</summary>
    public TimeSpan?[] PerGroup(int[] groupOf, int groups)
    {
        var resolved = new long[groups];
        foreach (var ticket in _byDuration)
        {
            resolved[groupOf[ticket]]++;
        }

        var seen = new long[groups];
        var low = new long[groups];
        var medians = new TimeSpan?[groups];
        for (var k = 0; k < _byDuration.Length; k++)
        {
            var group = groupOf[_byDuration[k]];
            var rank = seen[group]++;
            var count = resolved[group];
            if (rank == (count - 1) / 2)
            {
                low[group] = _sortedTicks[k];
            }

            if (rank == count / 2)
            {
                medians[group] = Middle(low[group], _sortedTicks[k]);
            }
        }

        return medians;
    }

    private static TimeSpan Middle(long low, long high) => TimeSpan.FromTicks(low + ((high - low) / 2));
}
