using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class RatesTests
{
    [Fact]
    public void SimpleRates_SmallPopulation_MatchHandCount()
    {
        var result = Compute(
            Options(60),
            Ticket("a", "c1", 0, 1, reopens: 1, articles: ["kb1"]),
            Ticket("b", "c2", 0, 2, escalated: true),
            Ticket("c", "c3", 0, 0.5, articles: ["kb1", "kb2"]),
            Ticket("d", "c4", 0, 4),
            Ticket("e", "c5", 0, escalated: true));

        var m = result.Overall;
        AssertRate(1, 4, m.ReopenRate);
        AssertRate(2, 5, m.EscalationRate);
        AssertRate(3, 4, m.FirstTierResolutionRate);
        AssertRate(2, 4, m.LinkRate);
        AssertRate(0, 5, m.RepeatContactRate);

        // Durations 0.5, 1, 2, 4 days: the median is the mean of 1 and 2.
        Assert.Equal(TimeSpan.FromDays(1.5), m.MedianTimeToResolution);
    }

    [Fact]
    public void Median_OddCount_IsTheMiddleValue()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1), Ticket("b", "c2", 0, 3), Ticket("c", "c3", 0, 30));

        Assert.Equal(TimeSpan.FromDays(3), result.Overall.MedianTimeToResolution);
    }

    [Fact]
    public void Nia_NewTicketInAnyCategoryWithinWindow_CountsAgainst()
    {
        var result = Compute(
            Options(100),
            Ticket("a", "c1", 0, 1),
            Ticket("a2", "c1", 20, 21, category: "login"),
            Ticket("b", "c2", 0, 1),
            Ticket("b2", "c2", 40, 41),
            Ticket("late", "c3", 80, 90));

        Assert.False(Outcome(result, "a").NextIssueAvoided);
        Assert.True(Outcome(result, "b").NextIssueAvoided);
        Assert.Null(Outcome(result, "late").NextIssueAvoided);

        // Mature resolved: a, a2, b, b2 (resolved + 30 ≤ 100); late is not (90 + 30 > 100).
        AssertRate(3, 4, result.Overall.NiaRate);
    }

    [Fact]
    public void Nia_NoMatureResolution_IsNull()
    {
        var result = Compute(Options(20), Ticket("a", "c1", 0, 1));

        Assert.Null(result.Overall.NiaRate);
    }

    [Fact]
    public void AutonomousResolution_NoResolvedBy_IsNull()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1), Ticket("b", "c2", 0, 1));

        Assert.Null(result.Overall.AutonomousResolutionRate);
    }

    [Fact]
    public void AutonomousResolution_BotTickets_FailOnReopenOrFollowUpAndSkipImmature()
    {
        var result = Compute(
            Options(30),
            Ticket("clean", "c1", 0, 1, resolvedBy: ResolvedBy.Bot),
            Ticket("reopened", "c2", 0, 1, reopens: 1, resolvedBy: ResolvedBy.Bot),
            Ticket("followed", "c3", 0, 1, resolvedBy: ResolvedBy.Bot),
            Ticket("again", "c3", 3, 4, resolvedBy: ResolvedBy.Agent),
            Ticket("human", "c4", 0, 1, resolvedBy: ResolvedBy.Agent),
            Ticket("young", "c5", 28, 29, resolvedBy: ResolvedBy.Bot));

        AssertRate(1, 3, result.Overall.AutonomousResolutionRate);
    }
}
