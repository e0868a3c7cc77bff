using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class NextIssueReportTests
{
    [Fact]
    public void Attach_SevenTargets_ListsFiveOtherGapsByTicketsThenUnclusteredWithShares()
    {
        // Gap 0 (cluster 10) has 8 mature resolved sources s0..s7; s_k's customer opens a ticket in gap k+1 (k < 6,
        // and in gap 1 for s6), s7's in an unclustered ticket and s0's also one in gap 0 itself.
        var gaps = Enumerable.Range(0, 8).Select(Gap).ToList();
        var clusterOfGap = Enumerable.Range(0, 8).Select(g => g + 10).ToList();
        var tickets = new List<Ticket>();
        var clusterOf = new List<int>();
        void Add(Ticket ticket, int cluster)
        {
            tickets.Add(ticket);
            clusterOf.Add(cluster);
        }

        for (var k = 0; k < 8; k++)
        {
            var customer = "c" + k;
            Add(Ticket("s" + k, customer, 0, 1), 10);
            Add(Ticket("n" + k, customer, 2, 3), k switch { 6 => 11, 7 => -1, _ => 11 + k });
        }

        Add(Ticket("self", "c0", 4, 5), 10);
        Add(Ticket("u-cluster", "c7", 4, 5), 99);

        var result = NextIssueReport.Attach(gaps, clusterOfGap, tickets, clusterOf, null, Options(100), Day(100));

        // Sources of gap 0: s0..s7 and "self" (9); "self" and n0 are both c0's, after s0.
        var gap0 = result[0];
        AssertRate(8, 9, Map(gap0.RelatedNia));
        Assert.Equal(
            [("gap-1", 2), ("gap-2", 1), ("gap-3", 1), ("gap-4", 1), ("gap-5", 1), (null, 1)],
            gap0.NextIssues!.Select(n => (n.GapId, n.Tickets)).ToList());
        Assert.Equal(NextIssueReport.UnclusteredTitle, gap0.NextIssues![^1].Title);
        Assert.Equal("title 1", gap0.NextIssues[0].Title);
        Assert.Equal(Math.Round(2 / 9.0, 4), gap0.NextIssues[0].Share);
        Assert.Null(gap0.SecondaryFailureTicketIds);
        Assert.Null(gap0.SecondaryFailures);
    }

    [Fact]
    public void Attach_PathStrongerThanTargetVolume_HasLiftAboveOne()
    {
        // Gap 0: 2 sources, one reaches gap 2 (share 1/2); gap 1: 4 sources, one reaches gap 2 (baseline 1/4): lift 2.
        Ticket[] tickets =
        [
            Ticket("a1", "p", 0, 1), Ticket("c1", "p", 5, 6), Ticket("a2", "q", 0, 1),
            Ticket("b1", "r", 0, 1), Ticket("c2", "r", 5, 6), Ticket("b2", "s", 0, 1), Ticket("b3", "t", 0, 1), Ticket("b4", "u", 0, 1),
        ];

        var result = NextIssueReport.Attach([Gap(0), Gap(1), Gap(2)], [0, 1, 2], tickets, [0, 2, 0, 1, 2, 1, 1, 1], null, Options(100), Day(100));

        var path = Assert.Single(result[0].NextIssues!);
        Assert.Equal(("gap-2", 1, 0.5), (path.GapId, path.Tickets, path.Share));
        Assert.Equal(2.0, path.Lift);
        Assert.Equal(0.5, Assert.Single(result[1].NextIssues!).Lift);
    }

    [Fact]
    public void Attach_SecondaryTickets_ListedByIdOnTheirGap()
    {
        var gaps = new[] { Gap(0), Gap(1) };
        Ticket[] tickets = [Ticket("b", "x", 0, 1), Ticket("a", "y", 0, 1)];

        var result = NextIssueReport.Attach(gaps, [5, 6], tickets, [5, 6], [[], [], [], [], [], [], [0, 1]], Options(100), Day(100));

        Assert.Equal(["a", "b"], result[1].SecondaryFailureTicketIds);
        Assert.Equal(2, result[1].SecondaryFailures);
        Assert.Empty(result[0].SecondaryFailureTicketIds!);
        Assert.Equal(0, result[0].SecondaryFailures);
        Assert.Empty(result[0].NextIssues!);
    }

    private static KnowledgeLoop.Core.Metrics.Rate? Map(RateDocument? rate) =>
        rate is null ? null : new KnowledgeLoop.Core.Metrics.Rate(rate.Numerator, rate.Denominator);

    private static GapDocument Gap(int g) => new()
    {
        Id = "gap-" + g,
        Rank = g + 1,
        Title = "title " + g,
        Type = "missing",
        Reason = "r",
        Keywords = [],
        Emerging = false,
        TicketCount = 1,
        FailureCount = 1,
        Fcr = null,
        FcrPointsLost = 0,
        ExpectedFcrLift = 0,
        Trend = null,
        Coverage = 0,
        TopArticles = [],
        RepresentativeTicketIds = [],
        FailureTicketIds = [],
    };
}
