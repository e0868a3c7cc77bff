using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>
/// A gap's cost and trajectory (DESIGN §4.8). With the cluster's mature first contacts n_c (s_c of them resolved), the
/// population's N (S), and the rest n_r = N − n_c (s_r = S − s_c):
/// <list type="bullet">
/// <item><b>FCR points lost</b> = cluster failures ÷ N: how much higher overall FCR would be if every one of them had
/// resolved (the ceiling).</item>
/// <item><b>Expected lift</b> = max(0, s_r/n_r − s_c/n_c) × n_c ÷ N: the overall FCR gain if the cluster resolved as well
/// as the rest does, a realistic target rather than perfection. Both ratios use mature first contacts so numerator and
/// denominator speak of the same tickets (DESIGN §4.8 writes "volume ÷ all first contacts"; immature ones have no FCR yet).
/// Clamped at 0: a cluster already resolving better than the rest has nothing to gain from docs work, and a negative
/// "lift" would rank it below gaps that merely cost nothing.</item>
/// <item><b>Interval</b>: 95% percentile bootstrap of the expected lift, resampling the cluster's and the rest's mature
/// first contacts with replacement (each resample's success count is binomial; above 2,000 draws it is drawn from the
/// normal approximation, which is indistinguishable at that size and keeps large data sets fast). Seeded, so deterministic.</item>
/// <item><b>Trend</b>: failed first contacts created in (as_of − T, as_of] vs (as_of − 2T, as_of − T], T =
/// <see cref="GapImpactOptions.TrendWeeks"/> weeks; relative change (last − previous) ÷ max(previous, 1), null when both
/// are 0. Here a "failure" includes first contacts not yet mature that have already failed (reopened, escalated or
/// followed up): otherwise the last FCR window of the trend would always look like an improvement.</item>
/// <item><b>Emerging</b>: less than <see cref="GapImpactOptions.EmergingMaximumEarlierShare"/> of the cluster's tickets
/// were created before as_of − <see cref="GapImpactOptions.EmergingLookbackWeeks"/> weeks, and the last period's
/// failures are at least <see cref="GapImpactOptions.EmergingGrowthFactor"/> × the previous period's and at least
/// <see cref="GapImpactOptions.EmergingMinimumFailures"/>.</item>
/// <item><b>Cost</b> = failures × cost per contact; <b>hours</b> = failures × minutes per contact ÷ 60 (each failure is
/// at least one more contact).</item>
/// </list>
/// </summary>
public static class GapImpactCalculator
{
    private const int NormalApproximationAbove = 2000;

    /// <summary>Computes the impact with the default <see cref="GapImpactOptions"/>.</summary>
    public static GapImpact Compute(GapCluster cluster, GapPopulation population, DateTimeOffset asOf) =>
        Compute(cluster, population, asOf, new GapImpactOptions());

    /// <summary>Computes the impact.</summary>
    public static GapImpact Compute(GapCluster cluster, GapPopulation population, DateTimeOffset asOf, GapImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var members = cluster.Members;
        var fcr = GapMath.Fcr(members);
        var rest = GapMath.RestFcr(population, fcr);
        var failures = fcr is null ? 0 : fcr.Denominator - fcr.Numerator;
        var all = population.MatureFirstContacts;
        var pointsLost = all == 0 ? 0 : (double)failures / all;
        var lift = Lift(fcr?.Numerator ?? 0, fcr?.Denominator ?? 0, rest?.Numerator ?? 0, rest?.Denominator ?? 0);
        var (ciLow, ciHigh) = fcr is null || rest is null || options.BootstrapResamples == 0
            ? ((double?)null, (double?)null)
            : Bootstrap(fcr, rest, options);

        var period = TimeSpan.FromDays(7 * options.TrendWeeks);
        long last = 0, previous = 0;
        foreach (var member in members)
        {
            var created = member.Ticket.CreatedAt;
            if (!ObservedFailure(member) || created > asOf)
            {
                continue;
            }

            if (created > asOf - period)
            {
                last++;
            }
            else if (created > asOf - (2 * period))
            {
                previous++;
            }
        }

        double? trend = last == 0 && previous == 0 ? null : (double)(last - previous) / Math.Max(previous, 1);
        var lookback = asOf.AddDays(-7 * options.EmergingLookbackWeeks);
        var earlier = members.LongCount(m => m.Ticket.CreatedAt <= lookback);
        var emerging = members.Count > 0
            && (double)earlier / members.Count < options.EmergingMaximumEarlierShare
            && last >= options.EmergingMinimumFailures
            && last >= options.EmergingGrowthFactor * previous;

        var resolved = members.Where(m => m.Ticket.IsResolved).ToList();
        var csats = members.Where(m => m.Ticket.Csat is not null).Select(m => m.Ticket.Csat!.Value).ToList();
        var hours = resolved.Select(m => (m.Ticket.ResolvedAt!.Value - m.Ticket.CreatedAt).TotalHours).ToList();
        var niaJudged = members.Where(m => m.Outcome.NextIssueAvoided is not null).ToList();

        return new GapImpact
        {
            GapId = cluster.Id,
            Tickets = members.Count,
            FirstContacts = members.LongCount(m => m.Outcome.IsFirstContact),
            MatureFirstContacts = fcr?.Denominator ?? 0,
            Failures = failures,
            Fcr = fcr,
            RestFcr = rest,
            FcrPointsLost = pointsLost,
            ExpectedLift = lift,
            ExpectedLiftCiLow = ciLow,
            ExpectedLiftCiHigh = ciHigh,
            FailuresLastPeriod = last,
            FailuresPreviousPeriod = previous,
            Trend = trend,
            Emerging = emerging,
            FailureCost = options.CostPerContact * failures,
            FailureHours = options.MinutesPerContact * failures / 60,
            Csat = csats.Count == 0 ? null : csats.Average(),
            MedianHoursToResolution = GapMath.Median(hours),
            ReopenRate = Rate.Of(resolved.LongCount(m => m.Ticket.ReopenCount > 0), resolved.Count),
            EscalationRate = Rate.Of(members.LongCount(Escalated), members.Count),
            NiaRate = Rate.Of(niaJudged.LongCount(m => m.Outcome.NextIssueAvoided == true), niaJudged.Count),
            LinkRate = Rate.Of(resolved.LongCount(m => m.Ticket.LinkedArticleIds.Count > 0), resolved.Count),
            DeflectionRate = cluster.SessionDeflection,
            WeeklyFailures = Weekly(members, asOf),
        };
    }

    /// <summary>max(0, restSuccesses/restMature − clusterSuccesses/clusterMature) × clusterMature ÷ (clusterMature + restMature).</summary>
    internal static double Lift(long clusterSuccesses, long clusterMature, long restSuccesses, long restMature)
    {
        if (clusterMature == 0 || restMature == 0)
        {
            return 0;
        }

        var gap = ((double)restSuccesses / restMature) - ((double)clusterSuccesses / clusterMature);
        return Math.Max(0, gap) * clusterMature / (clusterMature + restMature);
    }

    private static (double?, double?) Bootstrap(Rate cluster, Rate rest, GapImpactOptions options)
    {
        var random = new Random(options.Seed);
        var lifts = new double[options.BootstrapResamples];
        for (var b = 0; b < lifts.Length; b++)
        {
            var clusterSuccesses = Resample(cluster, random);
            var restSuccesses = Resample(rest, random);
            lifts[b] = Lift(clusterSuccesses, cluster.Denominator, restSuccesses, rest.Denominator);
        }

        Array.Sort(lifts);
        return (Percentile(lifts, 0.025), Percentile(lifts, 0.975));
    }

    /// <summary>Successes among n draws with replacement from n outcomes of which the rate's numerator succeeded.</summary>
    private static long Resample(Rate rate, Random random)
    {
        var n = rate.Denominator;
        var p = rate.Value;
        if (n <= NormalApproximationAbove)
        {
            long successes = 0;
            for (long i = 0; i < n; i++)
            {
                if (random.NextDouble() < p)
                {
                    successes++;
                }
            }

            return successes;
        }

        // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var draw = Math.Round((n * p) + (z * Math.Sqrt(n * p * (1 - p))));
        return (long)Math.Clamp(draw, 0, n);
    }

    /// <summary>Linear interpolation between order statistics (Hyndman–Fan type 7) of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    private static bool ObservedFailure(ClusterMember member) => member.Outcome.IsObservedFailure;

    private static bool Escalated(ClusterMember member) =>
        member.Ticket.Escalated || (member.Outcome.FailureReasons & FcrFailureReasons.Escalated) != 0;

    private static List<WeeklyCount> Weekly(IReadOnlyList<ClusterMember> members, DateTimeOffset asOf)
    {
        var inRange = members.Where(m => m.Ticket.CreatedAt <= asOf).ToList();
        if (inRange.Count == 0)
        {
            return [];
        }

        var origin = GapMath.WeekStart(inRange.Min(m => m.Ticket.CreatedAt));
        var weeks = (int)((GapMath.WeekStart(asOf) - origin).Days / 7) + 1;
        var counts = new long[weeks];
        foreach (var member in inRange.Where(ObservedFailure))
        {
            counts[(member.Ticket.CreatedAt - origin).Days / 7]++;
        }

        return counts.Select((count, w) => new WeeklyCount(origin.AddDays(7 * w), count)).ToList();
    }
}
