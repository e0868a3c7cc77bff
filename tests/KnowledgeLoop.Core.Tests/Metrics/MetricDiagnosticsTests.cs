using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class MetricDiagnosticsTests
{
    private const double OneHour = 1 / 24.0;

    private static MetricsOptions CategoryOptions(double asOfDay, int minimumSample) => Options(asOfDay, o =>
    {
        o.Segments = [SegmentDimension.Category];
        o.DiagnosticMinimumSample = minimumSample;
    });

    private static IEnumerable<Ticket> Many(string prefix, int count, double resolvedDay, Func<int, Ticket, Ticket>? shape = null) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var ticket = Ticket($"{prefix}{i}", $"{prefix}{i}", 0, resolvedDay, category: prefix);
            return shape is null ? ticket : shape(i, ticket);
        });

    // X: 20 tickets, 10 reopened (FCR 10/20, reopen 10/20); Y: 20 tickets, all escalated (FCR 0/20).
    // Overall FCR 10/40 = 25%, reopen 10/40 = 25%; X's reopen interval (29.9%..70.1%) excludes 25%.
    private static Ticket[] PrematureClosureFixture(double yHours) =>
    [
        .. Many("X", 20, OneHour, (i, t) => t with { ReopenCount = i < 10 ? 1 : 0 }),
        .. Many("Y", 20, yHours * OneHour, (_, t) => t with { Escalated = true }),
    ];

    [Fact]
    public void PrematureClosure_HighFcrWithHighReopen_FiresWithNumbers()
    {
        var result = Compute(CategoryOptions(60, 20), PrematureClosureFixture(yHours: 1));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("category", "X", MetricDiagnostic.PrematureClosure), (diagnostic.Dimension, diagnostic.Key, diagnostic.Kind));
        Assert.Contains("FCR 50.0% (10/20)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("reopen rate 50.0% (10/20)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("overall 25.0%", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_SampleBelowMinimum_DoNotFire()
    {
        var result = Compute(CategoryOptions(60, 21), PrematureClosureFixture(yHours: 10));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void PrematureClosure_GapWithinNoise_DoesNotFire()
    {
        // X: 2 of 10 reopened (20%) vs overall 2/30 (6.7%): big enough, but the interval (5.7%..51%) holds 6.7%.
        var result = Compute(
            CategoryOptions(60, 10),
            [.. Many("X", 10, 1, (i, t) => t with { ReopenCount = i < 2 ? 1 : 0 }), .. Many("Y", 20, 1, (_, t) => t with { Escalated = true })]);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void FalseEfficiency_FastResolutionWithHighReopen_Fires()
    {
        // Overall median (1 h, 10 h) = 5.5 h; X resolves in 1 h.
        var result = Compute(CategoryOptions(60, 20), PrematureClosureFixture(yHours: 10));

        Assert.Equal(
            [MetricDiagnostic.PrematureClosure, MetricDiagnostic.FalseEfficiency],
            result.Diagnostics.Where(d => d.Key == "X").Select(d => d.Kind));
        Assert.DoesNotContain(result.Diagnostics, d => d.Key == "Y");
    }

    [Fact]
    public void HardTicketsEscalated_HighFcrWithLowFirstTier_Fires()
    {
        // X: 8 of 20 escalated (FCR and first tier 12/20); Y: all 20 reopened (FCR 0/20, first tier 20/20).
        // Overall FCR 30%, first tier 80%; X's first-tier interval tops out at 78.1%.
        var result = Compute(
            CategoryOptions(60, 20),
            [.. Many("X", 20, 1, (i, t) => t with { Escalated = i < 8 }), .. Many("Y", 20, 1, (_, t) => t with { ReopenCount = 1 })]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("X", MetricDiagnostic.HardTicketsEscalated), (diagnostic.Key, diagnostic.Kind));
    }

    [Fact]
    public void TwoProportionZ_KnownValues()
    {
        // 10/10 vs 2/5: pooled 0.8, standard error sqrt(0.16 × 0.3).
        Assert.Equal(0.6 / Math.Sqrt(0.048), MetricDiagnostics.TwoProportionZ(new Rate(10, 10), new Rate(2, 5)), 1e-12);
        Assert.Equal(0, MetricDiagnostics.TwoProportionZ(new Rate(5, 5), new Rate(5, 5)));
    }

    // May: 10 tickets, all resolved on first contact. June: 5 tickets, 3 escalated.
    private static Ticket[] GivingUpFixture()
    {
        var may = Enumerable.Range(0, 10).Select(i => Ticket($"m{i}", $"m{i}", -28, -28 + OneHour));
        var june = Enumerable.Range(0, 5).Select(i => Ticket($"j{i}", $"j{i}", 1, 1 + OneHour, escalated: i < 3));
        return [.. may, .. june];
    }

    [Fact]
    public void CustomersGivingUp_FcrAndVolumeFallMonthOverMonth_FiresOverallAndPerSegment()
    {
        var result = Compute(CategoryOptions(44, 5), GivingUpFixture());

        Assert.Equal(
            [("category", "billing"), ("overall", "2026-06")],
            result.Diagnostics.Select(d => (d.Dimension, d.Key)));
        Assert.All(result.Diagnostics, d => Assert.Equal(MetricDiagnostic.CustomersGivingUp, d.Kind));
        Assert.Contains("100.0% (10/10) in 2026-05 to 40.0% (2/5) in 2026-06", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomersGivingUp_LatestMonthNotComplete_DoesNotFire()
    {
        // as_of 2026-06-26: June is partial, so there is no complete pair of months.
        var result = Compute(CategoryOptions(25, 5), GivingUpFixture());

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void CustomersGivingUp_VolumeRises_DoesNotFire()
    {
        var extra = Enumerable.Range(0, 8).Select(i => Ticket($"k{i}", $"k{i}", 2, 2 + OneHour, escalated: true));

        var result = Compute(CategoryOptions(44, 5), [.. GivingUpFixture(), .. extra]);

        Assert.DoesNotContain(result.Diagnostics, d => d.Kind == MetricDiagnostic.CustomersGivingUp);
    }
}
