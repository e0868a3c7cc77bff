using System.Globalization;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>Small helpers the gap computations share: counts, medians, weeks and the wording of numbers.</summary>
internal static class GapMath
{
    /// <summary>Mature first contacts and successes among the members that pass the filter.</summary>
    public static Rate? Fcr(IEnumerable<ClusterMember> members, Func<ClusterMember, bool>? filter = null)
    {
        long mature = 0, successes = 0;
        foreach (var member in members)
        {
            if (filter is not null && !filter(member))
            {
                continue;
            }

            if (member.Outcome.Fcr == FcrOutcome.Success)
            {
                mature++;
                successes++;
            }
            else if (member.Outcome.Fcr == FcrOutcome.Failure)
            {
                mature++;
            }
        }

        return Rate.Of(successes, mature);
    }

    /// <summary>FCR of the population minus the cluster; null when nothing is left.</summary>
    public static Rate? RestFcr(GapPopulation population, Rate? clusterFcr)
    {
        var mature = population.MatureFirstContacts - (clusterFcr?.Denominator ?? 0);
        var successes = population.Successes - (clusterFcr?.Numerator ?? 0);
        if (mature < 0 || successes < 0 || successes > mature)
        {
            throw new ArgumentException("The population's counts must include the cluster's (mature first contacts and successes).", nameof(population));
        }

        return Rate.Of(successes, mature);
    }

    /// <summary>The median (mean of the middle two for an even count); null for none.</summary>
    public static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>Monday 00:00 UTC of the ISO week holding the instant.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset instant)
    {
        var date = instant.UtcDateTime.Date;
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return new DateTimeOffset(date.AddDays(-sinceMonday), TimeSpan.Zero);
    }

    public static bool Links(ClusterMember member, string articleId)
    {
        foreach (var id in member.Ticket.LinkedArticleIds)
        {
            if (string.Equals(id, articleId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"0.52".</summary>
    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"72%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"72% (18/25)".</summary>
    public static string Percent(Rate rate) => string.Create(CultureInfo.InvariantCulture, $"{Percent(rate.Value)} ({rate.Numerator}/{rate.Denominator})");

    /// <summary>"55% (6/11)" of the failures behind an FCR.</summary>
    public static string FailPercent(Rate fcr) => string.Create(CultureInfo.InvariantCulture, $"{Percent(1 - fcr.Value)} ({fcr.Denominator - fcr.Numerator}/{fcr.Denominator})");

    /// <summary>"2026-04-06".</summary>
    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
