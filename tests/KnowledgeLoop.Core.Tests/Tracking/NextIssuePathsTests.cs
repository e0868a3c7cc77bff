using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class NextIssuePathsTests
{
    private const int A = 0;
    private const int B = 1;
    private const int C = 2;
    private const int None = NextIssuePaths.Unclustered;

    /// <summary>
    /// Six customers, three gaps, as_of day 100, NIA window 30 days. By hand:
    /// A's sources are a1, a2, a3, a4, a7, c2 (a5 immature, a6 unresolved): a1 → B (b1 and b2: once) and → unclustered (u1),
    /// a2 → C (c1 created exactly at the window's end), a3 → A (a4), the rest nothing. B's sources are b1, b2, b4 (b3 immature):
    /// b1 → B (b2) and → unclustered, b2 → unclustered; b4 nothing (a7 was created before b4's resolution).
    /// C's source c1 reaches nothing: c2 was created at c1's resolution instant, not after it.
    /// </summary>
    private static readonly (Ticket Ticket, int Gap)[] Fixture =
    [
        (Ticket("a1", "cust1", 0, 1), A),
        (Ticket("b1", "cust1", 5, 6), B),
        (Ticket("b2", "cust1", 10, 11), B),
        (Ticket("u1", "cust1", 20, 21), None),
        (Ticket("a2", "cust2", 0, 2), A),
        (Ticket("c1", "cust2", 32, 33), C),
        (Ticket("c2", "cust2", 33, 34), A),
        (Ticket("a3", "cust3", 0, 1), A),
        (Ticket("a4", "cust3", 3, 4), A),
        (Ticket("a5", "cust4", 80, 80), A),
        (Ticket("b3", "cust4", 85, 86), B),
        (Ticket("a6", "cust5", 90), A),
        (Ticket("a7", "cust6", 0, 10), A),
        (Ticket("b4", "cust6", 5, 6), B),
    ];

    [Fact]
    public void Compute_TinyFixture_MatchesHandCountedPaths()
    {
        var result = Compute(Fixture, 3);

        Assert.Equal(3, result.Count);
        var a = result[A];
        Assert.Equal(6, a.MatureResolved);
        Assert.Equal(3, a.WithNextIssue);
        Assert.Equal([new NextIssueTarget(A, 1), new NextIssueTarget(B, 1), new NextIssueTarget(C, 1), new NextIssueTarget(None, 1)], a.Targets);
        AssertRate(5, 6, a.RelatedNia);

        var b = result[B];
        Assert.Equal(3, b.MatureResolved);
        Assert.Equal(2, b.WithNextIssue);
        Assert.Equal([new NextIssueTarget(None, 2), new NextIssueTarget(B, 1)], b.Targets);
        AssertRate(2, 3, b.RelatedNia);

        var c = result[C];
        Assert.Equal(1, c.MatureResolved);
        Assert.Equal(0, c.WithNextIssue);
        Assert.Empty(c.Targets);
        AssertRate(1, 1, c.RelatedNia);
    }

    [Fact]
    public void Compute_TinyFixture_AgreesWithMetricsEngineNia()
    {
        var options = Options(100);
        var tickets = Fixture.Select(f => f.Ticket).ToArray();
        var outcomes = MetricsEngine.Compute(tickets, [], options).Outcomes;
        var result = NextIssuePaths.Compute(tickets, Fixture.Select(f => f.Gap).ToArray(), 3, options, Day(100));

        for (var g = 0; g < 3; g++)
        {
            var judged = Enumerable.Range(0, tickets.Length).Where(i => Fixture[i].Gap == g && outcomes[i].NextIssueAvoided is not null).ToList();
            Assert.Equal(judged.Count, result[g].MatureResolved);
            Assert.Equal(judged.Count(i => outcomes[i].NextIssueAvoided == false), result[g].WithNextIssue);
            Assert.True(result[g].RelatedNia!.Value >= (double)(judged.Count - result[g].WithNextIssue) / judged.Count);
        }
    }

    [Fact]
    public void Compute_NextTicketAtWindowEnd_CountsAndOneTickLaterDoesNot()
    {
        var atEnd = Compute([(Ticket("s", "x", 0, 1), A), (Ticket("n", "x", 31, 32), B)], 2);
        var later = Compute([(Ticket("s", "x", 0, 1), A), (At(Ticket("n", "x", 31, 32), Day(31).AddTicks(1)), B)], 2);

        Assert.Equal([new NextIssueTarget(B, 1)], atEnd[A].Targets);
        Assert.Empty(later[A].Targets);
        AssertRate(1, 1, later[A].RelatedNia);
    }

    [Fact]
    public void Compute_WindowEndsExactlyAtAsOf_IsMatureAndOneTickLaterIsNot()
    {
        var tickets = new[] { (Ticket("s", "x", 0, 70), A), (Ticket("n", "x", 75, 76), B) };

        var mature = NextIssuePaths.Compute(tickets.Select(t => t.Item1).ToArray(), [A, B], 2, Options(100), Day(100));
        var immature = NextIssuePaths.Compute(tickets.Select(t => t.Item1).ToArray(), [A, B], 2, Options(100), Day(100).AddTicks(-1));

        Assert.Equal(1, mature[A].MatureResolved);
        Assert.Equal([new NextIssueTarget(B, 1)], mature[A].Targets);
        Assert.Equal(0, immature[A].MatureResolved);
        Assert.Empty(immature[A].Targets);
        Assert.Null(immature[A].RelatedNia);
    }

    [Fact]
    public void Compute_SameGapFollowUp_LowersRelatedNiaOnly()
    {
        var result = Compute(
        [
            (Ticket("s1", "x", 0, 1), A),
            (Ticket("f1", "x", 2, 3), A),
            (Ticket("s2", "y", 0, 1), A),
            (Ticket("f2", "y", 2, 3), B),
        ], 2);

        // A's sources are s1, f1 and s2: s1 and s2 both had a next issue (NIA 1/3), only s1 in its own gap (related NIA 2/3).
        Assert.Equal(3, result[A].MatureResolved);
        Assert.Equal(2, result[A].WithNextIssue);
        AssertRate(2, 3, result[A].RelatedNia);
        Assert.Equal([new NextIssueTarget(A, 1), new NextIssueTarget(B, 1)], result[A].Targets);
    }

    [Fact]
    public void Compute_OtherCustomersTickets_AreNotNextIssues()
    {
        var result = Compute([(Ticket("s", "x", 0, 1), A), (Ticket("n", "y", 2, 3), B)], 2);

        Assert.Empty(result[A].Targets);
        Assert.Equal(0, result[A].WithNextIssue);
    }

    [Fact]
    public void Compute_AssignmentsOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => NextIssuePaths.Compute([Ticket("s", "x", 0, 1)], [], 1, Options(100), Day(100)));
    }

    private static IReadOnlyList<GapNextIssues> Compute((Ticket Ticket, int Gap)[] tickets, int gaps) =>
        NextIssuePaths.Compute(tickets.Select(t => t.Ticket).ToArray(), tickets.Select(t => t.Gap).ToArray(), gaps, Options(100), Day(100));

    private static Ticket At(Ticket ticket, DateTimeOffset created) => ticket with { CreatedAt = created };
}
