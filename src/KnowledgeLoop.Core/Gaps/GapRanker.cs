namespace KnowledgeLoop.Core.Gaps;

/// <summary>Orders gaps by expected FCR lift (descending), then failures (descending), then gap id (ordinal), and numbers them 1..n.</summary>
public static class GapRanker
{
    /// <summary>Ranks impacts.</summary>
    public static IReadOnlyList<RankedGap<GapImpact>> Rank(IEnumerable<GapImpact> impacts) => Rank(impacts, impact => impact);

    /// <summary>Ranks any gap record by the impact it carries.</summary>
    public static IReadOnlyList<RankedGap<T>> Rank<T>(IEnumerable<T> gaps, Func<T, GapImpact> impactOf)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(impactOf);
        return gaps
            .Select(gap => (Gap: gap, Impact: impactOf(gap)))
            .OrderByDescending(x => x.Impact.ExpectedLift)
            .ThenByDescending(x => x.Impact.Failures)
            .ThenBy(x => x.Impact.GapId, StringComparer.Ordinal)
            .Select((x, i) => new RankedGap<T>(i + 1, x.Gap, x.Impact))
            .ToList();
    }
}
