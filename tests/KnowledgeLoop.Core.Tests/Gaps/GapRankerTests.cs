using KnowledgeLoop.Core.Gaps;

namespace KnowledgeLoop.Core.Tests.Gaps;

public class GapRankerTests
{
    private static GapImpact Impact(string id, double lift, long failures) => new()
    {
        GapId = id,
        Tickets = failures,
        FirstContacts = failures,
        MatureFirstContacts = failures,
        Failures = failures,
        Fcr = null,
        RestFcr = null,
        FcrPointsLost = 0,
        ExpectedLift = lift,
        ExpectedLiftCiLow = null,
        ExpectedLiftCiHigh = null,
        FailuresLastPeriod = 0,
        FailuresPreviousPeriod = 0,
        Trend = null,
        Emerging = false,
        FailureCost = null,
        FailureHours = null,
        Csat = null,
        MedianHoursToResolution = null,
        ReopenRate = null,
        EscalationRate = null,
        NiaRate = null,
        LinkRate = null,
        DeflectionRate = null,
        WeeklyFailures = [],
    };

    [Fact]
    public void Rank_ByLiftThenFailuresThenId()
    {
        GapImpact[] impacts =
        [
            Impact("c", 0.01, 30),
            Impact("a", 0.02, 10),
            Impact("d", 0.01, 40),
            Impact("b", 0.01, 30),
            Impact("e", 0, 99),
        ];

        var ranked = GapRanker.Rank(impacts);

        Assert.Equal(["a", "d", "b", "c", "e"], ranked.Select(r => r.Impact.GapId));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_AnyRecordCarryingAnImpact()
    {
        var gaps = new[] { (Title: "small", Impact: Impact("x", 0.001, 3)), (Title: "big", Impact: Impact("y", 0.03, 3)) };

        var ranked = GapRanker.Rank(gaps, g => g.Impact);

        Assert.Equal("big", ranked[0].Gap.Title);
        Assert.Equal(2, ranked[1].Rank);
    }

    [Fact]
    public void Rank_Empty_IsEmpty()
    {
        Assert.Empty(GapRanker.Rank([]));
    }
}
