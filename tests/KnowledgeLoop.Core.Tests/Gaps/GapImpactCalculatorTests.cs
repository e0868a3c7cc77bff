using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;
using static KnowledgeLoop.Core.Tests.Gaps.GapFixtures;

namespace KnowledgeLoop.Core.Tests.Gaps;

public class GapImpactCalculatorTests
{
    private static List<ClusterMember> FiveOfTwenty() =>
        Members("s", 5, success: true).Concat(Members("f", 15, success: false)).ToList();

    [Fact]
    public void Compute_PointsLostAndLift_KnownAnswers()
    {
        var members = FiveOfTwenty();

        // Population: the 20 + a rest of 1000 mature first contacts at FCR 80%.
        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);

        Assert.Equal(20, impact.MatureFirstContacts);
        Assert.Equal(15, impact.Failures);
        Assert.Equal(0.25, impact.Fcr!.Value, Tolerance);
        Assert.Equal(0.8, impact.RestFcr!.Value, Tolerance);
        Assert.Equal(15.0 / 1020, impact.FcrPointsLost, Tolerance);
        Assert.Equal((0.8 - 0.25) * 20 / 1020, impact.ExpectedLift, Tolerance);
    }

    [Fact]
    public void Compute_ClusterBetterThanTheRest_LiftIsClampedAtZero()
    {
        var members = Members("s", 9, success: true).Concat(Members("f", 1, success: false)).ToList();

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members, 100, 50), AsOf);

        Assert.Equal(0, impact.ExpectedLift);
        Assert.Equal(1.0 / 110, impact.FcrPointsLost, Tolerance);
    }

    [Fact]
    public void Compute_ClusterIsTheWholePopulation_NoRestNoLift()
    {
        var members = FiveOfTwenty();

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members, 0, 0), AsOf);

        Assert.Null(impact.RestFcr);
        Assert.Equal(0, impact.ExpectedLift);
        Assert.Null(impact.ExpectedLiftCiLow);
    }

    [Fact]
    public void Compute_PopulationThatDoesNotContainTheCluster_Throws()
    {
        var members = FiveOfTwenty();

        Assert.Throws<ArgumentException>(() => GapImpactCalculator.Compute(Cluster(members), new GapPopulation(10, 10, 8), AsOf));
    }

    [Fact]
    public void Compute_Trend_CountsLastFourWeeksAgainstTheFourBefore()
    {
        List<ClusterMember> members =
        [
            Member("f5", false, daysAgo: 5),
            Member("f10", false, daysAgo: 10),
            Member("f27", false, daysAgo: 27),
            Member("f30", false, daysAgo: 30),
            Member("f60", false, daysAgo: 60),
            Member("s3", true, daysAgo: 3),

            // Not mature yet but already reopened: a failure for the trend, not for FCR.
            Member("i2", false, daysAgo: 2, outcome: FcrOutcome.Immature),
            Member("i1", true, daysAgo: 1, outcome: FcrOutcome.Immature),
        ];

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);

        Assert.Equal(4, impact.FailuresLastPeriod);
        Assert.Equal(1, impact.FailuresPreviousPeriod);
        Assert.Equal(3.0, impact.Trend!.Value, Tolerance);
        Assert.Equal(5, impact.Failures);
    }

    [Fact]
    public void Compute_TrendWithoutFailures_IsNull_AndFromZeroIsTheCount()
    {
        var quiet = Members("s", 4, success: true, daysAgo: 10).Append(Member("old", false, daysAgo: 90)).ToList();
        var fromZero = Members("f", 2, success: false, daysAgo: 10).ToList();

        Assert.Null(GapImpactCalculator.Compute(Cluster(quiet), Population(quiet), AsOf).Trend);
        Assert.Equal(2.0, GapImpactCalculator.Compute(Cluster(fromZero), Population(fromZero), AsOf).Trend!.Value, Tolerance);
    }

    private static List<ClusterMember> NewTopic(int recentFailures, int previousFailures, int oldTickets)
    {
        var members = new List<ClusterMember>();
        members.AddRange(Enumerable.Range(1, recentFailures).Select(i => Member($"r{i}", false, daysAgo: i * 4)));
        members.AddRange(Enumerable.Range(1, previousFailures).Select(i => Member($"p{i}", false, daysAgo: 28 + (i * 3))));
        members.AddRange(Enumerable.Range(1, 10).Select(i => Member($"s{i}", true, daysAgo: i * 3)));
        members.AddRange(Enumerable.Range(1, oldTickets).Select(i => Member($"o{i}", true, daysAgo: 60 + i)));
        return members;
    }

    [Fact]
    public void Compute_NewAndFastGrowing_IsEmerging()
    {
        var members = NewTopic(recentFailures: 6, previousFailures: 2, oldTickets: 1);

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);

        Assert.True(impact.Emerging);
    }

    [Fact]
    public void Compute_TopicWithHistory_IsNotEmerging()
    {
        // 5 of 23 tickets (22%) predate the last six weeks.
        var members = NewTopic(recentFailures: 6, previousFailures: 2, oldTickets: 5);

        Assert.False(GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf).Emerging);
    }

    [Fact]
    public void Compute_GrowingLessThanTwofold_IsNotEmerging()
    {
        var members = NewTopic(recentFailures: 6, previousFailures: 4, oldTickets: 0);

        Assert.False(GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf).Emerging);
    }

    [Fact]
    public void Compute_TooFewRecentFailures_IsNotEmerging()
    {
        var members = NewTopic(recentFailures: 4, previousFailures: 0, oldTickets: 0);

        Assert.False(GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf).Emerging);
    }

    [Fact]
    public void Compute_CostAndHours_FromFailures()
    {
        var members = FiveOfTwenty();
        var options = new GapImpactOptions { CostPerContact = 4.5, MinutesPerContact = 12 };

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf, options);
        var plain = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);

        Assert.Equal(67.5, impact.FailureCost!.Value, Tolerance);
        Assert.Equal(3.0, impact.FailureHours!.Value, Tolerance);
        Assert.Null(plain.FailureCost);
        Assert.Null(plain.FailureHours);
    }

    [Fact]
    public void Compute_Bootstrap_IsDeterministicAndContainsThePointEstimate()
    {
        var members = FiveOfTwenty();

        var first = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);
        var second = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf);

        Assert.Equal(first.ExpectedLiftCiLow, second.ExpectedLiftCiLow);
        Assert.Equal(first.ExpectedLiftCiHigh, second.ExpectedLiftCiHigh);
        Assert.True(first.ExpectedLiftCiLow < first.ExpectedLift);
        Assert.True(first.ExpectedLift < first.ExpectedLiftCiHigh);
    }

    [Fact]
    public void Compute_BootstrapOnLargeCounts_UsesTheNormalPathAndStaysAroundThePoint()
    {
        var members = Members("s", 1500, success: true).Concat(Members("f", 1500, success: false)).ToList();

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members, 100_000, 80_000), AsOf);

        Assert.InRange(impact.ExpectedLift, impact.ExpectedLiftCiLow!.Value, impact.ExpectedLiftCiHigh!.Value);
        Assert.True(impact.ExpectedLiftCiHigh - impact.ExpectedLiftCiLow < 0.01);
    }

    [Fact]
    public void Compute_ZeroResamples_HasNoInterval()
    {
        var members = FiveOfTwenty();

        var impact = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf, new GapImpactOptions { BootstrapResamples = 0 });

        Assert.Null(impact.ExpectedLiftCiLow);
        Assert.Null(impact.ExpectedLiftCiHigh);
    }

    [Fact]
    public void Compute_ClusterRates_CsatAndMedianResolution()
    {
        List<ClusterMember> members =
        [
            Member("a", true, links: ["KB-1"], csat: 5, resolutionHours: 10, niaAvoided: true),
            Member("b", false, reasons: FcrFailureReasons.Reopened, csat: 3, resolutionHours: 20, niaAvoided: false),
            Member("c", false, reasons: FcrFailureReasons.Escalated, resolutionHours: 30),
            Member("d", false, reasons: FcrFailureReasons.Unresolved, resolved: false),
        ];

        var impact = GapImpactCalculator.Compute(Cluster(members) with { SessionDeflection = new Rate(3, 12) }, Population(members), AsOf);

        Assert.Equal(new Rate(1, 3), impact.ReopenRate);
        Assert.Equal(new Rate(1, 4), impact.EscalationRate);
        Assert.Equal(new Rate(1, 2), impact.NiaRate);
        Assert.Equal(new Rate(1, 3), impact.LinkRate);
        Assert.Equal(new Rate(3, 12), impact.DeflectionRate);
        Assert.Equal(4.0, impact.Csat!.Value, Tolerance);
        Assert.Equal(20.0, impact.MedianHoursToResolution!.Value, Tolerance);
    }

    [Fact]
    public void Compute_WeeklyFailures_MondayWeeksOldestFirst()
    {
        List<ClusterMember> members = [Member("a", false, daysAgo: 15), Member("b", false, daysAgo: 13), Member("c", true, daysAgo: 1)];

        var weekly = GapImpactCalculator.Compute(Cluster(members), Population(members), AsOf).WeeklyFailures;

        Assert.Equal(
            [(AsOf.AddDays(-21), 1L), (AsOf.AddDays(-14), 1L), (AsOf.AddDays(-7), 0L), (AsOf, 0L)],
            weekly.Select(w => (w.WeekStart, w.Count)));
    }

    [Fact]
    public void Percentile_InterpolatesBetweenOrderStatistics()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(1.1, GapImpactCalculator.Percentile(sorted, 0.025), Tolerance);
        Assert.Equal(4.9, GapImpactCalculator.Percentile(sorted, 0.975), Tolerance);
    }
}
