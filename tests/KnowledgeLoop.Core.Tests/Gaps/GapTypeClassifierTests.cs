using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;
using static KnowledgeLoop.Core.Tests.Gaps.GapFixtures;

namespace KnowledgeLoop.Core.Tests.Gaps;

public class GapTypeClassifierTests
{
    private const string Kb = "KB-1";

    // ---- missing: nothing above the threshold ----

    [Fact]
    public void Classify_NoArticleAboveThreshold_IsMissing()
    {
        var members = Members("t", 10, success: false).Concat(Members("s", 5, success: true)).ToList();
        var cluster = Cluster(members, Article(Kb, 0.30));

        var typing = GapTypeClassifier.Classify(cluster, Population(members), AsOf);

        Assert.Equal(GapType.Missing, typing.Type);
        Assert.Equal("missing.no-match", typing.Rule);
        Assert.Contains("no article reaches 0.35", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("KB-1 similarity 0.30", typing.Reason, StringComparison.Ordinal);
        Assert.Null(typing.SecondaryType);
    }

    [Fact]
    public void Classify_NoCandidatesAtAll_IsMissing()
    {
        var members = Members("t", 3, success: false).ToList();

        var typing = GapTypeClassifier.Classify(Cluster(members), Population(members), AsOf);

        Assert.Equal(GapType.Missing, typing.Type);
        Assert.Contains("no article candidates", typing.Reason, StringComparison.Ordinal);
        Assert.Null(typing.ArticleId);
    }

    [Fact]
    public void Classify_ArticleJustAboveThresholdWithoutEvidence_IsFindabilityOnSimilarityAlone()
    {
        var members = Members("t", 10, success: false).Concat(Members("s", 5, success: true)).ToList();
        var cluster = Cluster(members, Article(Kb, 0.36));

        var typing = GapTypeClassifier.Classify(cluster, Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal("findability.rarely-linked", typing.Rule);
        Assert.Contains("typed on similarity alone", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("deflection not available", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ThresholdIsAnOption()
    {
        var members = Members("t", 10, success: false).ToList();
        var cluster = Cluster(members, Article(Kb, 0.36));

        var typing = GapTypeClassifier.Classify(cluster, Population(members), AsOf, new GapTypingOptions { SimilarityThreshold = 0.5 });

        Assert.Equal(GapType.Missing, typing.Type);
        Assert.Equal(0.5, typing.SimilarityThreshold);
    }

    // ---- missing despite a close neighbour article ----

    private static (GapCluster Cluster, GapPopulation Population) VatClusterNextToSalesTax(double clusterSimilarity, string[]? links = null, int linkedCount = 0)
    {
        var members = Members("vat", 14, success: false, similarities: Similar("KB-TAX", clusterSimilarity))
            .Concat(Members("vat-ok", 6, success: true, similarities: Similar("KB-TAX", clusterSimilarity)))
            .Select((m, i) => i < linkedCount ? m with { Ticket = m.Ticket with { LinkedArticleIds = links ?? [] } } : m)
            .ToList();
        var salesTax = Article("KB-TAX", 0.41, links: Served("us", 10, 0.62));
        return (Cluster(members, salesTax), Population(members));
    }

    [Fact]
    public void Classify_NeighbourArticleTheClusterDoesNotLink_IsMissingAndSaysSo()
    {
        var (cluster, population) = VatClusterNextToSalesTax(clusterSimilarity: 0.38);

        var typing = GapTypeClassifier.Classify(cluster, population, AsOf);

        Assert.Equal(GapType.Missing, typing.Type);
        Assert.Equal("missing.neighbour", typing.Rule);
        Assert.Equal("KB-TAX", typing.ArticleId);
        Assert.Contains("similarity 0.41 ≥ 0.35 is a neighbouring topic, not an answer", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("0.38 vs 0.62 for the 10 tickets it serves well", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("linked on 0% (0/20)", typing.Reason, StringComparison.Ordinal);
        var article = Assert.Single(typing.Articles);
        Assert.True(article.IsNeighbour);
        Assert.True(article.AboveThreshold);
    }

    [Fact]
    public void Classify_ArticleAsSimilarToClusterAsToItsServedTickets_IsNotANeighbour()
    {
        var (cluster, population) = VatClusterNextToSalesTax(clusterSimilarity: 0.59);

        var typing = GapTypeClassifier.Classify(cluster, population, AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Contains("0.59, comparable to 0.62 for the 10 tickets it serves well", typing.Reason, StringComparison.Ordinal);
        Assert.False(typing.Articles[0].IsNeighbour);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Classify_ArticleBelowThresholdThatWorksWhenLinked_IsFindabilityNotMissing(bool linkedResolve)
    {
        // Receipts: customers say "snap a photo", the article says "Smart Capture" (similarity 0.15), yet the
        // cluster's tickets that link it resolve; a near miss where they fail like the rest stays missing.
        var members = Members("rc-linked", 5, success: linkedResolve, links: ["KB-RC"], similarities: Similar("KB-RC", 0.15))
            .Concat(Members("rc-fail", 30, success: false, similarities: Similar("KB-RC", 0.15)))
            .Concat(Members("rc-ok", 20, success: true, similarities: Similar("KB-RC", 0.15)))
            .ToList();
        var capture = Article("KB-RC", 0.20, links: members.Where(m => m.Ticket.LinkedArticleIds.Count > 0).Select(m => new ArticleLink(m.Outcome, 0.15)).ToList());

        var typing = GapTypeClassifier.Classify(Cluster(members, capture), Population(members), AsOf);

        if (linkedResolve)
        {
            Assert.Equal(GapType.Findability, typing.Type);
            Assert.Equal("findability.vocabulary", typing.Rule);
            Assert.Contains("resolve 100% (5/5) vs 40% (20/50) for the others", typing.Reason, StringComparison.Ordinal);
            Assert.Contains("linked on only 9% (5/55)", typing.Reason, StringComparison.Ordinal);
            Assert.Contains("similarity 0.20 < 0.35", typing.Reason, StringComparison.Ordinal);
            Assert.True(typing.Articles[0].AnswersWhenLinked);
        }
        else
        {
            Assert.Equal(GapType.Missing, typing.Type);
            Assert.False(typing.Articles[0].AnswersWhenLinked);
        }
    }

    [Fact]
    public void Classify_DistantArticleTheClusterDoesLink_IsNotANeighbour()
    {
        // 8 of 20 resolved tickets link it (40%), 8 of them failing: the agents use it and it doesn't work.
        var (cluster, population) = VatClusterNextToSalesTax(clusterSimilarity: 0.38, links: ["KB-TAX"], linkedCount: 8);

        var typing = GapTypeClassifier.Classify(cluster, population, AsOf);

        Assert.NotEqual(GapType.Missing, typing.Type);
        Assert.Equal(GapType.Ineffective, typing.Type);
    }

    [Fact]
    public void Classify_NeighbourBelowTheBestDoesNotHideAMatch()
    {
        var members = Members("t", 10, success: false, similarities: new() { ["KB-N"] = 0.30, [Kb] = 0.50 }).ToList();
        var neighbour = Article("KB-N", 0.45, links: Served("n", 5, 0.70));
        var answer = Article(Kb, 0.40, links: Served("a", 5, 0.52));

        var typing = GapTypeClassifier.Classify(Cluster(members, neighbour, answer), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal(Kb, typing.ArticleId);
        Assert.True(typing.Articles[0].IsNeighbour);
    }

    // ---- ineffective ----

    private static List<ClusterMember> LinkedCluster(int linkedSuccesses, int linkedFailures, int unlinkedSuccesses, int unlinkedFailures, FcrFailureReasons reasons = FcrFailureReasons.Reopened) =>
        Members("ls", linkedSuccesses, success: true, links: [Kb])
            .Concat(Members("lf", linkedFailures, success: false, links: [Kb], reasons: reasons))
            .Concat(Members("us", unlinkedSuccesses, success: true))
            .Concat(Members("uf", unlinkedFailures, success: false, reasons: reasons))
            .ToList();

    [Fact]
    public void Classify_LinkedArticleWhoseTicketsFail_IsIneffective()
    {
        var members = LinkedCluster(linkedSuccesses: 6, linkedFailures: 8, unlinkedSuccesses: 2, unlinkedFailures: 4);

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Equal("ineffective", typing.Rule);
        Assert.Null(typing.SecondaryType);
        Assert.Equal(
            "best article KB-1 similarity 0.52 ≥ 0.35 and linked on 70% (14/20) of resolved tickets, yet linked tickets fail 57% (8/14) vs 20% elsewhere",
            typing.Reason);
    }

    [Fact]
    public void Classify_LinkedTicketsResolveNoBetterThanUnlinked_IsIneffective()
    {
        // The rest is no better (FCR 50%), but linking the article doesn't help within the cluster.
        var members = LinkedCluster(linkedSuccesses: 4, linkedFailures: 6, unlinkedSuccesses: 5, unlinkedFailures: 5);

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members, 1000, 500), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Contains("resolve no better (40% (4/10)) than the cluster's unlinked ones (50% (5/10))", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LinkedTicketsResolveLikeTheRest_IsFindabilityNotIneffective()
    {
        var members = LinkedCluster(linkedSuccesses: 11, linkedFailures: 3, unlinkedSuccesses: 2, unlinkedFailures: 4);

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal("findability.works-when-linked", typing.Rule);
        Assert.Contains("resolve 79% (11/14) vs 33% (2/6)", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TooFewLinkedToJudge_SaysSo()
    {
        var members = LinkedCluster(linkedSuccesses: 0, linkedFailures: 2, unlinkedSuccesses: 2, unlinkedFailures: 4);

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal("findability.too-few-linked", typing.Rule);
    }

    // ---- outdated (surge: 8 quiet weeks of one ticket, then 3+ a week for the last 4 weeks) ----

    private static List<ClusterMember> SurgingCluster(bool linkBeforeSurge)
    {
        var members = new List<ClusterMember>();
        for (var weeksAgo = 12; weeksAgo >= 5; weeksAgo--)
        {
            members.Add(Member($"pre-{weeksAgo}", success: true, daysAgo: (7 * weeksAgo) - 1, links: linkBeforeSurge ? [Kb] : null));
        }

        var n = 0;
        for (var weeksAgo = 4; weeksAgo >= 1; weeksAgo--)
        {
            for (var day = 1; day <= 3; day++)
            {
                n++;
                members.Add(Member($"post-{n}", success: n % 4 == 0, daysAgo: (7 * weeksAgo) - day, links: [Kb]));
            }
        }

        return members;
    }

    [Fact]
    public void Classify_ArticleOlderThanSurgeThatWorkedBefore_IsOutdatedAndNamesIneffective()
    {
        var members = SurgingCluster(linkBeforeSurge: true);
        var article = Article(Kb, 0.52, updatedAt: AsOf.AddDays(-100));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(AsOf.AddDays(-28), typing.SurgeStart);
        Assert.Equal(GapType.Outdated, typing.Type);
        Assert.Equal(GapType.Ineffective, typing.SecondaryType);
        Assert.Equal("outdated", typing.Rule);
        Assert.Contains("KB-1 last changed 2026-02-21, before the cluster's surge (week of 2026-05-04: 3 tickets vs 1.0/week before)", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("since the surge linked tickets fail 75% (9/12) vs 20% elsewhere, while before it they failed 0% (0/8)", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("also ineffective", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ArticleOlderThanSurgeNeverUsedBefore_IsIneffectiveAndNamesOutdated()
    {
        var members = SurgingCluster(linkBeforeSurge: false);
        var article = Article(Kb, 0.52, updatedAt: AsOf.AddDays(-100));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Equal(GapType.Outdated, typing.SecondaryType);
        Assert.Contains("also outdated: KB-1 last changed 2026-02-21", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ArticleUpdatedAfterSurgeStart_IsNotOutdated()
    {
        var members = SurgingCluster(linkBeforeSurge: true);
        var article = Article(Kb, 0.52, updatedAt: AsOf.AddDays(-10));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Null(typing.SecondaryType);
    }

    [Fact]
    public void Classify_SteadyVolume_HasNoSurgeAndIsNotOutdated()
    {
        var members = Enumerable.Range(1, 12)
            .Select(w => Member($"w-{w}", success: w % 3 == 0, daysAgo: (7 * w) - 1, links: [Kb]))
            .ToList();
        var article = Article(Kb, 0.52, updatedAt: AsOf.AddDays(-400));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Null(typing.SurgeStart);
        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Null(typing.SecondaryType);
    }

    [Fact]
    public void Classify_NewTopicInALongerDataSet_SurgesFromZero()
    {
        // 12 tickets in the last four weeks, nothing before, but the data set goes back 12 weeks.
        var members = SurgingCluster(linkBeforeSurge: false).Where(m => m.Ticket.Id.StartsWith("post", StringComparison.Ordinal)).ToList();
        var article = Article(Kb, 0.52, updatedAt: AsOf.AddDays(-100));
        var population = Population(members) with { DataStart = AsOf.AddDays(-84) };

        var typing = GapTypeClassifier.Classify(Cluster(members, article), population, AsOf);
        var withoutHistory = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(AsOf.AddDays(-28), typing.SurgeStart);
        Assert.Equal(GapType.Outdated, typing.SecondaryType);
        Assert.Null(withoutHistory.SurgeStart);
        Assert.Null(withoutHistory.SecondaryType);
    }

    [Fact]
    public void Classify_WithoutTicketSimilarities_ComparesTheCentroidSimilarity()
    {
        var members = Members("t", 10, success: false).ToList();

        var typing = GapTypeClassifier.Classify(Cluster(members, Article("KB-TAX", 0.41, links: Served("us", 10, 0.62))), Population(members), AsOf);

        var article = Assert.Single(typing.Articles);
        Assert.True(article.ClusterSimilarityFromCentroid);
        Assert.Equal(0.41, article.ClusterSimilarity, Tolerance);
        Assert.Equal(0.62, article.ServedSimilarity!.Value, Tolerance);
        Assert.True(article.IsNeighbour);
    }

    // ---- findability ----

    private static List<ClusterMember> RarelyLinkedCluster() =>
        Members("f", 13, success: false, similarities: Similar(Kb, 0.48))
            .Concat(Members("s", 6, success: true, similarities: Similar(Kb, 0.48)))
            .Append(Member("linked", success: true, links: [Kb], similarities: Similar(Kb, 0.48)))
            .ToList();

    [Fact]
    public void Classify_AnsweringArticleRarelyLinkedAndRarelyDeflecting_IsFindability()
    {
        var members = RarelyLinkedCluster();
        var article = Article(Kb, 0.45, links: Served("x", 10, 0.50), deflection: new Rate(4, 40));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal("findability.rarely-linked", typing.Rule);
        Assert.Contains("linked on only 5% (1/20) of resolved tickets (< 10%)", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("the article (40 viewing sessions) deflects 10% (4/40) (< 30%)", typing.Reason, StringComparison.Ordinal);
        Assert.Contains("0.48, comparable to 0.50", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_RarelyLinkedButSelfServiceDeflects_IsAgentFindability()
    {
        var members = RarelyLinkedCluster();
        var article = Article(Kb, 0.45, links: Served("x", 10, 0.50), deflection: new Rate(30, 40));

        var typing = GapTypeClassifier.Classify(Cluster(members, article), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
        Assert.Equal("findability.agents", typing.Rule);
    }

    [Fact]
    public void Classify_ClusterSessionDeflectionIsPreferredToTheArticles()
    {
        var members = RarelyLinkedCluster();
        var article = Article(Kb, 0.45, links: Served("x", 10, 0.50), deflection: new Rate(30, 40));
        var cluster = Cluster(members, article) with { SessionDeflection = new Rate(2, 20) };

        var typing = GapTypeClassifier.Classify(cluster, Population(members), AsOf);

        Assert.Equal("findability.rarely-linked", typing.Rule);
        Assert.Contains("self-service on this topic (20 sessions) deflects 10% (2/20)", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LinkedOnMoreThanTenPercentAndFailing_IsNotFindability()
    {
        // 3 of 20 (15%) link it and all 3 fail.
        var members = LinkedCluster(linkedSuccesses: 0, linkedFailures: 3, unlinkedSuccesses: 6, unlinkedFailures: 11);

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.45)), Population(members), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
    }

    // ---- process ----

    [Fact]
    public void Classify_LinkedArticleAndEscalationDominatedFailures_IsProcess()
    {
        var members = Members("ls", 4, success: true, links: [Kb])
            .Concat(Members("le", 6, success: false, links: [Kb], reasons: FcrFailureReasons.Escalated))
            .Concat(Members("ue", 2, success: false, reasons: FcrFailureReasons.Escalated | FcrFailureReasons.Reopened))
            .Concat(Members("ur", 2, success: false, reasons: FcrFailureReasons.FollowedUp))
            .Concat(Members("us", 6, success: true))
            .ToList();

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Process, typing.Type);
        Assert.Equal("process", typing.Rule);
        Assert.Equal(0.8, typing.EscalatedShareOfFailures!.Value, Tolerance);
        Assert.Contains("80% of the cluster's 10 failures were escalated or transferred (≥ 60%)", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_HalfTheFailuresEscalated_IsNotProcess()
    {
        var members = Members("ls", 4, success: true, links: [Kb])
            .Concat(Members("le", 5, success: false, links: [Kb], reasons: FcrFailureReasons.Escalated))
            .Concat(Members("lr", 5, success: false, links: [Kb], reasons: FcrFailureReasons.Reopened))
            .Concat(Members("us", 6, success: true))
            .ToList();

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Ineffective, typing.Type);
        Assert.Equal(0.5, typing.EscalatedShareOfFailures!.Value, Tolerance);
    }

    [Fact]
    public void Classify_EscalationsButArticleNotLinked_IsNotProcess()
    {
        var members = Members("ue", 10, success: false, reasons: FcrFailureReasons.Escalated).Concat(Members("us", 10, success: true)).ToList();

        var typing = GapTypeClassifier.Classify(Cluster(members, Article(Kb, 0.52)), Population(members), AsOf);

        Assert.Equal(GapType.Findability, typing.Type);
    }

    // ---- duplicate ----

    private static (GapCluster Cluster, GapPopulation Population) TwoArticles(double secondSimilarity, double betweenArticles)
    {
        var members = Members("f", 14, success: false).Concat(Members("s", 6, success: true)).ToList();
        var cluster = Cluster(members, Article("KB-2", secondSimilarity), Article(Kb, 0.50)) with
        {
            ArticleSimilarity = (a, b) => a == b ? 1 : betweenArticles,
        };
        return (cluster, Population(members));
    }

    [Fact]
    public void Classify_TwoArticlesMatchingEquallyAndAlike_IsDuplicateWithTheRestAsSecondary()
    {
        var (cluster, population) = TwoArticles(secondSimilarity: 0.47, betweenArticles: 0.72);

        var typing = GapTypeClassifier.Classify(cluster, population, AsOf);

        Assert.Equal(GapType.Duplicate, typing.Type);
        Assert.Equal(GapType.Findability, typing.SecondaryType);
        Assert.Equal(Kb, typing.ArticleId);
        Assert.Equal("KB-2", typing.DuplicateArticleId);
        Assert.StartsWith("KB-1 (0.50) and KB-2 (0.47) match within 0.05 and resemble each other (0.72 ≥ 0.60): merge them; besides, findability:", typing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TwoEqualArticlesThatDiffer_IsNotDuplicate()
    {
        var (cluster, population) = TwoArticles(secondSimilarity: 0.47, betweenArticles: 0.40);

        Assert.NotEqual(GapType.Duplicate, GapTypeClassifier.Classify(cluster, population, AsOf).Type);
    }

    [Fact]
    public void Classify_AlikeArticlesMatchingUnequally_IsNotDuplicate()
    {
        var (cluster, population) = TwoArticles(secondSimilarity: 0.44, betweenArticles: 0.72);

        Assert.NotEqual(GapType.Duplicate, GapTypeClassifier.Classify(cluster, population, AsOf).Type);
    }

    [Fact]
    public void Classify_WithoutArticleSimilarity_IsNotDuplicate()
    {
        var (cluster, population) = TwoArticles(secondSimilarity: 0.49, betweenArticles: 0.9);

        var typing = GapTypeClassifier.Classify(cluster with { ArticleSimilarity = null }, population, AsOf);

        Assert.NotEqual(GapType.Duplicate, typing.Type);
        Assert.Equal([Kb, "KB-2"], typing.Articles.Select(a => a.ArticleId));
    }

    // ---- coverage, options ----

    [Fact]
    public void Coverage_ShareOfTicketsWhoseBestArticlePassesTheThreshold()
    {
        List<ClusterMember> members =
        [
            Member("a", false, similarities: new() { [Kb] = 0.2, ["KB-2"] = 0.4 }),
            Member("b", false, similarities: Similar(Kb, 0.35)),
            Member("c", false, similarities: Similar(Kb, 0.1)),
            Member("d", false),
        ];

        Assert.Equal(0.5, GapTypeClassifier.Coverage(members, 0.35), Tolerance);
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new GapTypingOptions { LowLinkRate = 1.5 }.Validate());
        Assert.Contains("GapTyping:LowLinkRate", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GapTypingOptions { SurgeFactor = 0.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new GapTypingOptions { MinimumLinkedTickets = 0 }.Validate());
    }

    [Fact]
    public void ContractNames_AreTheReportsNames()
    {
        Assert.Equal(
            ["missing", "ineffective", "outdated", "findability", "process", "duplicate"],
            Enum.GetValues<GapType>().Select(t => t.ToContractName()));
    }
}
