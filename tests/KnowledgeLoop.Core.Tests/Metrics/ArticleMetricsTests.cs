using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class ArticleMetricsTests
{
    [Fact]
    public void ArticleFcr_LinkedFirstContacts_MatchesHandCount()
    {
        var result = Compute(
            Options(60),
            Ticket("a", "c1", 0, 1, articles: ["kb1"]),
            Ticket("b", "c2", 0, 1, reopens: 1, articles: ["kb1", "kb2"]),
            Ticket("c", "c3", 0, 1, articles: ["kb1", "kb1"]),
            Ticket("d", "c4", 58, 59, articles: ["kb2"]),
            Ticket("e", "c5", 0, 1));

        Assert.Equal(["kb1", "kb2"], result.Articles.Select(a => a.ArticleId));
        var kb1 = result.Articles[0];
        Assert.Equal(3, kb1.LinkedTickets);
        AssertRate(2, 3, kb1.Fcr);
        Assert.Null(kb1.DeflectionRate);
        var kb2 = result.Articles[1];
        Assert.Equal(2, kb2.LinkedTickets);
        AssertRate(0, 1, kb2.Fcr); // d is immature
    }
}
