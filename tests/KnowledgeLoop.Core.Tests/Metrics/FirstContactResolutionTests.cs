using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class FirstContactResolutionTests
{
    [Fact]
    public void FollowUp_WithinWindow_MarksLaterTicketFollowUpAndEarlierFailure()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1), Ticket("b", "c1", 4, 5));

        var a = Outcome(result, "a");
        var b = Outcome(result, "b");
        Assert.Equal(FcrOutcome.Failure, a.Fcr);
        Assert.Equal(FcrFailureReasons.FollowedUp, a.FailureReasons);
        Assert.True(b.IsFollowUp);
        Assert.Equal(FcrOutcome.NotFirstContact, b.Fcr);
        Assert.Equal((2L, 1L, 1L, 1L), (result.Counts.Tickets, result.Counts.FirstContacts, result.Counts.MatureFirstContacts, result.Counts.Failures));
        AssertRate(0, 1, result.Overall.Fcr);
        AssertRate(1, 2, result.Overall.RepeatContactRate);
    }

    [Fact]
    public void FollowUp_ExactlyAtWindowEnd_IsFollowUp()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1), Ticket("b", "c1", 8, 9));

        Assert.True(Outcome(result, "b").IsFollowUp);
        Assert.Equal(FcrOutcome.Failure, Outcome(result, "a").Fcr);
    }

    [Fact]
    public void FollowUp_OneSecondAfterWindow_IsFirstContact()
    {
        var justAfter = 8 + (1.0 / 86400);
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1), Ticket("b", "c1", justAfter, 9));

        Assert.False(Outcome(result, "b").IsFollowUp);
        Assert.Equal(FcrOutcome.Success, Outcome(result, "a").Fcr);
        Assert.Equal(FcrOutcome.Success, Outcome(result, "b").Fcr);
        AssertRate(2, 2, result.Overall.Fcr);
    }

    [Fact]
    public void FollowUp_OtherCategoryOrOtherCustomer_IsNotFollowUp()
    {
        var result = Compute(
            Options(60),
            Ticket("a", "c1", 0, 1, category: "billing"),
            Ticket("b", "c1", 2, 3, category: "login"),
            Ticket("c", "c2", 2, 3, category: "billing"));

        Assert.All(result.Outcomes, o => Assert.Equal(FcrOutcome.Success, o.Fcr));
        AssertRate(3, 3, result.Overall.Fcr);
    }

    [Fact]
    public void FollowUp_NoCategory_MatchesOnlyNoCategory()
    {
        var result = Compute(
            Options(60),
            Ticket("a", "c1", 0, 1, category: null),
            Ticket("b", "c1", 2, 3, category: " "),
            Ticket("c", "c1", 3, 4, category: "billing"));

        Assert.True(Outcome(result, "b").IsFollowUp);
        Assert.False(Outcome(result, "c").IsFollowUp);
    }

    [Fact]
    public void FollowUp_CreatedWhileEarlierTicketStillOpen_IsNotFollowUp()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 3), Ticket("b", "c1", 2, 4));

        Assert.False(Outcome(result, "b").IsFollowUp);
        Assert.Equal(FcrOutcome.Success, Outcome(result, "a").Fcr);
    }

    [Fact]
    public void Maturity_ResolvedWithinWindowOfAsOf_IsImmatureAndCountedApart()
    {
        // Resolved on day 5, as_of day 10: 5 + 7 > 10.
        var result = Compute(Options(10), Ticket("a", "c1", 4, 5), Ticket("b", "c2", 0, 1));

        Assert.Equal(FcrOutcome.Immature, Outcome(result, "a").Fcr);
        Assert.False(Outcome(result, "a").Mature);
        Assert.Equal((1L, 1L), (result.Counts.Immature, result.Counts.MatureFirstContacts));
        AssertRate(1, 1, result.Overall.Fcr);
    }

    [Fact]
    public void Maturity_UnresolvedRecently_IsImmatureAndNotAFailure()
    {
        var result = Compute(Options(10), Ticket("a", "c1", 5));

        Assert.Equal(FcrOutcome.Immature, Outcome(result, "a").Fcr);
        Assert.Equal(FcrFailureReasons.None, Outcome(result, "a").FailureReasons);
        Assert.Null(result.Overall.Fcr);
        Assert.Equal(0, result.Counts.Failures);
    }

    [Fact]
    public void Maturity_UnresolvedPastWindow_IsFailure()
    {
        var result = Compute(Options(10), Ticket("a", "c1", 3));

        Assert.Equal(FcrOutcome.Failure, Outcome(result, "a").Fcr);
        Assert.Equal(FcrFailureReasons.Unresolved, Outcome(result, "a").FailureReasons);
        AssertRate(0, 1, result.Overall.Fcr);
    }

    [Fact]
    public void Failure_ReopenedAndEscalated_CountedOnceWithBothReasons()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1, reopens: 2, escalated: true), Ticket("b", "c2", 0, 1));

        Assert.Equal(FcrFailureReasons.Reopened | FcrFailureReasons.Escalated, Outcome(result, "a").FailureReasons);
        Assert.Equal(1, result.Counts.Failures);
        AssertRate(1, 2, result.Overall.Fcr);
    }

    [Fact]
    public void Escalation_LevelOrGroupTransfer_CountsAsEscalated()
    {
        var level = Ticket("a", "c1", 0, 1) with { EscalationLevel = 1 };
        var transfer = Ticket("b", "c2", 0, 1) with { GroupTransfers = 2 };
        var levelZero = Ticket("c", "c3", 0, 1) with { EscalationLevel = 0, GroupTransfers = 0 };

        var result = Compute(Options(60), level, transfer, levelZero);

        Assert.Equal(FcrFailureReasons.Escalated, Outcome(result, "a").FailureReasons);
        Assert.Equal(FcrFailureReasons.Escalated, Outcome(result, "b").FailureReasons);
        Assert.Equal(FcrOutcome.Success, Outcome(result, "c").Fcr);
        AssertRate(2, 3, result.Overall.EscalationRate);
        AssertRate(1, 3, result.Overall.FirstTierResolutionRate);
    }

    [Fact]
    public void Fcr_MixedPopulation_MatchesHandCount()
    {
        var result = Compute(
            Options(30),
            Ticket("ok1", "c1", 0, 1),
            Ticket("ok2", "c2", 0, 1),
            Ticket("ok3", "c3", 0, 1),
            Ticket("reopened", "c4", 0, 1, reopens: 1),
            Ticket("open", "c5", 0),
            Ticket("young", "c6", 28, 29),
            Ticket("first", "c7", 0, 1),
            Ticket("again", "c7", 3, 4));

        // First contacts: 7 (again is a follow-up). Mature: 6 (young is not). Successes: ok1..ok3.
        Assert.Equal((8L, 7L, 6L, 1L, 3L), (result.Counts.Tickets, result.Counts.FirstContacts, result.Counts.MatureFirstContacts, result.Counts.Immature, result.Counts.Failures));
        AssertRate(3, 6, result.Overall.Fcr);
    }

    [Fact]
    public void BusinessDays_FridayResolutionMondayTicket_IsFollowUpOnlyWithBusinessDays()
    {
        // Friday 2026-06-05 10:00 resolution, Monday 09:00 new ticket.
        var friday = Ticket("a", "c1", 4, 4 + (10 / 24.0));
        var monday = Ticket("b", "c1", 7 + (9 / 24.0), 8);

        var calendar = Compute(Options(60, o => o.FcrWindow = TimeSpan.FromDays(1)), friday, monday);
        var business = Compute(Options(60, o => o.FcrBusinessDays = 1), friday, monday);

        Assert.False(Outcome(calendar, "b").IsFollowUp);
        Assert.True(Outcome(business, "b").IsFollowUp);
        Assert.Equal(FcrOutcome.Failure, Outcome(business, "a").Fcr);
    }

    [Fact]
    public void BusinessDays_MaturityWaitsOverTheWeekend()
    {
        var friday = Ticket("a", "c1", 4, 4 + (10 / 24.0));

        var sunday = Compute(Options(6, o => o.FcrBusinessDays = 1), friday);
        var mondayMorning = Compute(Options(7 + (10 / 24.0), o => o.FcrBusinessDays = 1), friday);

        Assert.Equal(FcrOutcome.Immature, Outcome(sunday, "a").Fcr);
        Assert.Equal(FcrOutcome.Success, Outcome(mondayMorning, "a").Fcr);
    }

    [Fact]
    public void AsOf_NotGiven_DefaultsToLatestTimestampInTheData()
    {
        var tickets = new[] { Ticket("a", "c1", 0, 9), Ticket("b", "c2", 3) };
        var sessions = new[] { MetricsFixtures.Session("s", "c3", 12) };

        var result = MetricsEngine.Compute(tickets, sessions, new MetricsOptions { Segments = [] });
        var withoutSessions = MetricsEngine.Compute(tickets, [], new MetricsOptions { Segments = [] });

        Assert.Equal(Day(12), result.AsOf);
        Assert.Equal(Day(9), withoutSessions.AsOf);

        // as_of day 12: b (unresolved since day 3) is mature, a (resolved day 9) is not.
        Assert.Equal(FcrOutcome.Failure, Outcome(result, "b").Fcr);
        Assert.Equal(FcrOutcome.Immature, Outcome(result, "a").Fcr);
    }

    [Fact]
    public void AsOf_BeforeSomeTickets_LaterTicketsCountAsImmature()
    {
        var result = Compute(Options(20), Ticket("a", "c1", 0, 1), Ticket("future", "c2", 25, 26));

        Assert.Equal(2, result.Counts.Tickets);
        Assert.Equal(FcrOutcome.Immature, Outcome(result, "future").Fcr);
        AssertRate(1, 1, result.Overall.Fcr);
    }

    [Fact]
    public void ResolvedBeforeCreated_ReadAsResolvedAtCreation()
    {
        // a's window runs from day 5 (its creation), not day 4, so day 11.5 is inside it.
        var result = Compute(Options(60), Ticket("a", "c1", 5, 4), Ticket("b", "c1", 11.5, 12));

        Assert.True(Outcome(result, "b").IsFollowUp);
        Assert.Equal(TimeSpan.FromDays(0.25), result.Overall.MedianTimeToResolution);
    }

    [Fact]
    public void Compute_NoData_ReturnsEmptyResultWithNullRates()
    {
        var result = MetricsEngine.Compute([], [], new MetricsOptions());

        Assert.Equal(0, result.Counts.Tickets);
        Assert.Null(result.Overall.Fcr);
        Assert.Null(result.Overall.DeflectionRate);
        Assert.Null(result.Overall.MedianTimeToResolution);
        Assert.Equal(8, result.Segments.Count);
        Assert.All(result.Segments.Values, Assert.Empty);
    }
}
