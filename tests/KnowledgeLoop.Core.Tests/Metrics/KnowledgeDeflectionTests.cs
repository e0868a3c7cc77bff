using KnowledgeLoop.Core.Metrics;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class KnowledgeDeflectionTests
{
    [Fact]
    public void Deflection_NoSessions_IsNotAvailable()
    {
        var result = Compute(Options(60), Ticket("a", "c1", 0, 1));

        Assert.Null(result.Overall.DeflectionRate);
        Assert.Equal(0, result.Counts.Sessions);
    }

    [Fact]
    public void Deflection_MatureAndImmatureSessions_MatchesHandCount()
    {
        var tickets = new[]
        {
            Ticket("t1", "c1", 2, 3), // 2 days after s1: within 72 h
            Ticket("t2", "c2", 4, 5), // 4 days after s2: outside
            Ticket("t4", "c4", 3, 4), // exactly at s4's window end: counts against
        };
        var sessions = new[]
        {
            Session("s1", "c1", 0, "kb1"),
            Session("s2", "c2", 0, "kb1", "kb1"),
            Session("s3", "nobody", 0, "kb2"),
            Session("s4", "c4", 0),
            Session("young", "c1", 9, "kb1"),
        };

        var result = MetricsEngine.Compute(tickets, sessions, Options(10));

        // Mature: s1..s4 (young starts day 9, 9 + 3 > 10). Deflected: s2, s3.
        AssertRate(2, 4, result.Overall.DeflectionRate);
        Assert.Equal(5, result.Counts.Sessions);

        var kb1 = result.Articles.Single(a => a.ArticleId == "kb1");
        Assert.Equal(3, kb1.SessionsViewed);
        AssertRate(1, 2, kb1.DeflectionRate);
        AssertRate(1, 1, result.Articles.Single(a => a.ArticleId == "kb2").DeflectionRate);
    }

    [Fact]
    public void Deflection_OnlyImmatureSessions_IsNull()
    {
        var result = MetricsEngine.Compute([], [Session("s", "c1", 9)], Options(10));

        Assert.Null(result.Overall.DeflectionRate);
    }
}
