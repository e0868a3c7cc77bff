using System.Globalization;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Flags metric pairings that make a headline number mislead (DESIGN §3), relative to the overall
/// metrics and only when every rate involved has a denominator of at least the minimum sample.
/// "High" and "low" need both size and evidence: a large enough gap, and the segment's Wilson 95%
/// interval excluding the overall value (so noise in small segments does not fire).
/// <list type="bullet">
/// <item><b>premature_closure</b>: FCR at or above overall, and reopen rate high: at least
/// overall + max(5 points, half the overall rate), e.g. ≥ 15% when overall is 10%.</item>
/// <item><b>hard_tickets_escalated</b>: FCR at or above overall, and first-tier resolution low: at
/// least 10 points below overall.</item>
/// <item><b>false_efficiency</b>: median time to resolution at most half the overall median, and a high
/// reopen rate (as above).</item>
/// <item><b>customers_giving_up</b>: from one complete calendar month to the next (months that end after
/// as_of are partial and skipped), FCR fell by at least 5 points, significantly (two-proportion z-test,
/// 95%), while ticket volume fell by at least 10%; overall for every adjacent pair of months, per
/// segment for the last two complete months.</item>
/// </list>
/// </summary>
internal static class MetricDiagnostics
{
    internal const double HighReopenMinimumPoints = 0.05;
    internal const double HighReopenRelative = 0.5;
    internal const double LowFirstTierPoints = 0.10;
    internal const double FastResolutionRatio = 0.5;
    internal const double FcrDropPoints = 0.05;
    internal const double VolumeDropRatio = 0.9;

    /// <summary>Diagnostics of one dimension's segments.</summary>
    public static IEnumerable<MetricDiagnostic> ForSegments(
        MetricSet overall, string dimension, IReadOnlyList<SegmentMetrics> rows, IReadOnlyDictionary<string, SegmentTrend> trends, int minimumSample)
    {
        foreach (var row in rows)
        {
            var m = row.Metrics;
            var fcrAtOrAbove = Enough(m.Fcr, minimumSample) && overall.Fcr is not null && m.Fcr!.Value >= overall.Fcr.Value;
            var highReopen = Enough(m.ReopenRate, minimumSample) && overall.ReopenRate is not null
                && m.ReopenRate!.Value >= overall.ReopenRate.Value + Math.Max(HighReopenMinimumPoints, HighReopenRelative * overall.ReopenRate.Value)
                && m.ReopenRate.CiLow > overall.ReopenRate.Value;
            if (fcrAtOrAbove && highReopen)
            {
                yield return new MetricDiagnostic(dimension, row.Key, MetricDiagnostic.PrematureClosure, Invariant(
                    $"FCR {Describe(m.Fcr)} is at or above the overall {Percent(overall.Fcr!.Value)} while the reopen rate {Describe(m.ReopenRate)} is well above the overall {Percent(overall.ReopenRate!.Value)}: tickets may be closed prematurely."));
            }

            if (fcrAtOrAbove && Enough(m.FirstTierResolutionRate, minimumSample) && overall.FirstTierResolutionRate is not null
                && m.FirstTierResolutionRate!.Value <= overall.FirstTierResolutionRate.Value - LowFirstTierPoints
                && m.FirstTierResolutionRate.CiHigh < overall.FirstTierResolutionRate.Value)
            {
                yield return new MetricDiagnostic(dimension, row.Key, MetricDiagnostic.HardTicketsEscalated, Invariant(
                    $"FCR {Describe(m.Fcr)} is at or above the overall {Percent(overall.Fcr!.Value)} while first-tier resolution {Describe(m.FirstTierResolutionRate)} is at least 10 points below the overall {Percent(overall.FirstTierResolutionRate.Value)}: easy tickets are closed, hard ones escalated."));
            }

            if (highReopen && m.MedianTimeToResolution is { } median && overall.MedianTimeToResolution is { } overallMedian
                && overallMedian > TimeSpan.Zero && median <= overallMedian * FastResolutionRatio)
            {
                yield return new MetricDiagnostic(dimension, row.Key, MetricDiagnostic.FalseEfficiency, Invariant(
                    $"Median time to resolution {Hours(median)} is at most half the overall {Hours(overallMedian)} while the reopen rate {Describe(m.ReopenRate)} is well above the overall {Percent(overall.ReopenRate!.Value)}: fast closures come back."));
            }

            if (trends.TryGetValue(row.Key, out var trend) && GivingUp(trend.PreviousTickets, trend.PreviousFcr, trend.LatestTickets, trend.LatestFcr, minimumSample))
            {
                yield return new MetricDiagnostic(dimension, row.Key, MetricDiagnostic.CustomersGivingUp, GivingUpMessage(trend));
            }
        }
    }

    /// <summary>The overall month-over-month diagnostics; keys are the later month.</summary>
    public static IEnumerable<MetricDiagnostic> ForOverallTrend(IReadOnlyList<SegmentTrend> adjacentMonths, int minimumSample)
    {
        foreach (var trend in adjacentMonths)
        {
            if (GivingUp(trend.PreviousTickets, trend.PreviousFcr, trend.LatestTickets, trend.LatestFcr, minimumSample))
            {
                yield return new MetricDiagnostic(MetricDiagnostic.OverallDimension, trend.LatestMonth, MetricDiagnostic.CustomersGivingUp, GivingUpMessage(trend));
            }
        }
    }

    private static bool GivingUp(long previousTickets, Rate? previousFcr, long tickets, Rate? fcr, int minimumSample) =>
        Enough(previousFcr, minimumSample) && Enough(fcr, minimumSample)
        && fcr!.Value <= previousFcr!.Value - FcrDropPoints
        && TwoProportionZ(previousFcr, fcr) >= Rate.WilsonZ
        && previousTickets > 0 && tickets <= previousTickets * VolumeDropRatio;

    /// <summary>The pooled two-proportion z statistic of "before is higher than after".</summary>
    internal static double TwoProportionZ(Rate before, Rate after)
    {
        var pooled = (double)(before.Numerator + after.Numerator) / (before.Denominator + after.Denominator);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / before.Denominator) + (1.0 / after.Denominator)));
        return standardError == 0 ? 0 : (before.Value - after.Value) / standardError;
    }

    private static string GivingUpMessage(SegmentTrend trend) => Invariant(
        $"FCR fell from {Describe(trend.PreviousFcr)} in {trend.PreviousMonth} to {Describe(trend.LatestFcr)} in {trend.LatestMonth} while tickets fell from {trend.PreviousTickets} to {trend.LatestTickets}: customers may be giving up rather than getting answers.");

    private static bool Enough(Rate? rate, int minimumSample) => rate is not null && rate.Denominator >= minimumSample;

    private static string Describe(Rate? rate) =>
        rate is null ? "n/a" : Invariant($"{Percent(rate.Value)} ({rate.Numerator}/{rate.Denominator})");

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(TimeSpan value) => value.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
