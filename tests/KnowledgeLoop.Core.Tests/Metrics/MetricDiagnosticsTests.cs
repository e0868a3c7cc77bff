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

    // X: FCR 3/4 with one reopen (25%); Y: FCR 0/4, all escalated. Overall FCR 3/8, reopen 1/8.
    private static Ticket[] PrematureClosureFixture(double yHours) =>
    [
        Ticket("x1", "x1", 0, OneHour, category: "X", reopens: 1),
        Ticket("x2", "x2", 0, OneHour, category: "X"),
        Ticket("x3", "x3", 0, OneHour, category: "X"),
        Ticket("x4", "x4", 0, OneHour, category: "X"),
        Ticket("y1", "y1", 0, yHours * OneHour, category: "Y", escalated: true),
        Ticket("y2", "y2", 0, yHours * OneHour, category: "Y", escalated: true),
        Ticket("y3", "y3", 0, yHours * OneHour, category: "Y", escalated: true),
        Ticket("y4", "y4", 0, yHours * OneHour, category: "Y", escalated: true),
    ];

    [Fact]
    public void PrematureClosure_HighFcrWithHighReopen_FiresWithNumbers()
    {
        var result = Compute(CategoryOptions(60, 4), PrematureClosureFixture(yHours: 1));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("category", "X", MetricDiagnostic.PrematureClosure), (diagnostic.Dimension, diagnostic.Key, diagnostic.Kind));
        Assert.Contains("75.0% (3/4)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("25.0% (1/4)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_SampleBelowMinimum_DoNotFire()
    {
        var result = Compute(CategoryOptions(60, 5), PrematureClosureFixture(yHours: 10));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void FalseEfficiency_FastResolutionWithHighReopen_Fires()
    {
        // Overall median (1 h, 10 h) = 5.5 h; X resolves in 1 h.
        var result = Compute(CategoryOptions(60, 4), PrematureClosureFixture(yHours: 10));

        Assert.Equal(
            [MetricDiagnostic.PrematureClosure, MetricDiagnostic.FalseEfficiency],
            result.Diagnostics.Where(d => d.Key == "X").Select(d => d.Kind));
        Assert.DoesNotContain(result.Diagnostics, d => d.Key == "Y");
    }

    [Fact]
    public void HardTicketsEscalated_HighFcrWithLowFirstTier_Fires()
    {
        var result = Compute(
            CategoryOptions(60, 4),
            Ticket("x1", "x1", 0, 1, category: "X", escalated: true),
            Ticket("x2", "x2", 0, 1, category: "X"),
            Ticket("x3", "x3", 0, 1, category: "X"),
            Ticket("x4", "x4", 0, 1, category: "X"),
            Ticket("y1", "y1", 0, 1, category: "Y", reopens: 1),
            Ticket("y2", "y2", 0, 1, category: "Y", reopens: 1),
            Ticket("y3", "y3", 0, 1, category: "Y", reopens: 1),
            Ticket("y4", "y4", 0, 1, category: "Y", reopens: 1));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("X", MetricDiagnostic.HardTicketsEscalated), (diagnostic.Key, diagnostic.Kind));
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
