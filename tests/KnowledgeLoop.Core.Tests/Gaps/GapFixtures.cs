using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tests.Gaps;

/// <summary>Tiny constructed clusters; times are offsets back from as_of = Monday 2026-06-01 00:00 UTC; outcomes are set directly.</summary>
internal static class GapFixtures
{
    public const double Tolerance = 1e-9;

    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One mature first contact (or, with <paramref name="outcome"/>, any outcome).</summary>
    public static ClusterMember Member(
        string id,
        bool success,
        double daysAgo = 20,
        string[]? links = null,
        FcrFailureReasons reasons = FcrFailureReasons.Reopened,
        Dictionary<string, double>? similarities = null,
        string? agent = null,
        string? group = null,
        bool resolved = true,
        FcrOutcome? outcome = null,
        double? csat = null,
        double resolutionHours = 10,
        bool? niaAvoided = null)
    {
        var created = AsOf.AddDays(-daysAgo);
        var fcr = outcome ?? (success ? FcrOutcome.Success : FcrOutcome.Failure);
        var failureReasons = success ? FcrFailureReasons.None : reasons;
        return new ClusterMember
        {
            Ticket = new Ticket
            {
                Id = id,
                CustomerId = "c-" + id,
                Subject = "subject " + id,
                CreatedAt = created,
                ResolvedAt = resolved ? created.AddHours(resolutionHours) : null,
                LinkedArticleIds = links ?? [],
                Agent = agent,
                Group = group,
                ReopenCount = (failureReasons & FcrFailureReasons.Reopened) != 0 ? 1 : 0,
                Escalated = (failureReasons & FcrFailureReasons.Escalated) != 0,
                Csat = csat,
            },
            Outcome = new TicketOutcome(id, false, fcr is FcrOutcome.Success or FcrOutcome.Failure, fcr, failureReasons, niaAvoided),
            CentroidSimilarity = 0.6,
            ArticleSimilarities = similarities ?? [],
        };
    }

    /// <summary><paramref name="count"/> members "prefix-1".. with the same shape.</summary>
    public static IEnumerable<ClusterMember> Members(
        string prefix,
        int count,
        bool success,
        string[]? links = null,
        FcrFailureReasons reasons = FcrFailureReasons.Reopened,
        Dictionary<string, double>? similarities = null,
        double daysAgo = 20,
        string? agent = null) =>
        Enumerable.Range(1, count).Select(i => Member($"{prefix}-{i}", success, daysAgo, links, reasons, similarities, agent));

    /// <summary>The cluster plus a rest of <paramref name="restMature"/> mature first contacts, <paramref name="restSuccesses"/> resolved.</summary>
    public static GapPopulation Population(IEnumerable<ClusterMember> members, long restMature = 1000, long restSuccesses = 800)
    {
        var list = members.ToList();
        var mature = list.LongCount(m => m.Outcome.Fcr is FcrOutcome.Success or FcrOutcome.Failure);
        var successes = list.LongCount(m => m.Outcome.Fcr == FcrOutcome.Success);
        return new GapPopulation(list.LongCount(m => m.Outcome.IsFirstContact) + restMature, mature + restMature, successes + restSuccesses);
    }

    public static ArticleCandidate Article(
        string id,
        double similarity,
        IEnumerable<ArticleLink>? links = null,
        DateTimeOffset? updatedAt = null,
        Rate? deflection = null) => new()
        {
            Article = new Article { Id = id, Title = "Title of " + id, Body = "body", UpdatedAt = updatedAt },
            Similarity = similarity,
            Links = links?.ToList() ?? [],
            Deflection = deflection,
            SessionsViewed = deflection?.Denominator ?? 0,
        };

    /// <summary>Tickets elsewhere that link the article and resolved on first contact, at the given similarity to it.</summary>
    public static IEnumerable<ArticleLink> Served(string prefix, int count, double similarity) =>
        Enumerable.Range(1, count).Select(i => new ArticleLink(
            new TicketOutcome($"{prefix}-served-{i}", false, true, FcrOutcome.Success, FcrFailureReasons.None, null),
            similarity));

    public static GapCluster Cluster(IEnumerable<ClusterMember> members, params ArticleCandidate[] articles) => new()
    {
        Id = "gap-1",
        Members = members.ToList(),
        TopArticles = articles,
    };

    public static Dictionary<string, double> Similar(string articleId, double similarity) => new(StringComparer.Ordinal) { [articleId] = similarity };
}
