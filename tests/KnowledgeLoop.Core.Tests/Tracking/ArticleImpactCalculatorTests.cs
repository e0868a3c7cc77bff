using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Tests.Tracking;

public class ArticleImpactCalculatorTests
{
    private const double Tolerance = 1e-6;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = Start.AddDays(100);
    private static readonly DateTimeOffset Event = Start.AddDays(60);

    private static readonly string[] ControlIds = ["c1", "c2"];

    private static readonly ArticleImpactOptions Options = new() { MaximumWindow = TimeSpan.FromDays(28), MinimumSample = 20 };

    /// <summary>A mature first contact created <paramref name="day"/> days after <see cref="Start"/>.</summary>
    private static ClusterMember Member(string id, double day, FcrOutcome fcr, string[]? links = null, bool? nia = null) => new()
    {
        Ticket = new Ticket
        {
            Id = id,
            CustomerId = "c-" + id,
            Subject = "s",
            CreatedAt = Start.AddDays(day),
            ResolvedAt = Start.AddDays(day + 0.5),
            ReopenCount = fcr == FcrOutcome.Failure ? 1 : 0,
            LinkedArticleIds = links ?? [],
        },
        Outcome = new TicketOutcome(id, false, fcr != FcrOutcome.Immature, fcr, fcr == FcrOutcome.Failure ? FcrFailureReasons.Reopened : FcrFailureReasons.None, nia),
    };

    /// <summary><paramref name="successes"/> successes and <paramref name="failures"/> failures spread over [fromDay, fromDay + 20).</summary>
    private static IEnumerable<ClusterMember> Block(string prefix, double fromDay, int successes, int failures) =>
        Enumerable.Range(0, successes + failures).Select(i => Member(
            $"{prefix}-{i}", fromDay + (20.0 * i / (successes + failures)), i < successes ? FcrOutcome.Success : FcrOutcome.Failure));

    private static ImpactGap Gap(string id, IEnumerable<ClusterMember> members, params string[] matching) =>
        new() { Id = id, Members = members.ToList(), MatchingArticleIds = matching };

    private static Dictionary<string, Article> Articles(params Article[] articles) => articles.ToDictionary(a => a.Id, StringComparer.Ordinal);

    private static Article Article(string id, DateTimeOffset? created, DateTimeOffset? updated = null) =>
        new() { Id = id, Title = "Title " + id, Body = "body", CreatedAt = created, UpdatedAt = updated };

    [Fact]
    public void FindEvent_ArticleCreatedInsideThePeriod_IsTheEvent()
    {
        var gap = Gap("g", [], "KB-1");

        var found = ArticleImpactCalculator.FindEvent(gap, Articles(Article("KB-1", Event)), [], Start, AsOf, Options);

        Assert.Equal(new ArticleEvent("KB-1", "Title KB-1", Event, ArticleEventSource.Created), found);
    }

    [Fact]
    public void FindEvent_ArticleOlderThanTheData_NoEvent()
    {
        var gap = Gap("g", [], "KB-1");

        Assert.Null(ArticleImpactCalculator.FindEvent(gap, Articles(Article("KB-1", Start.AddDays(-30))), [], Start, AsOf, Options));
    }

    [Fact]
    public void FindEvent_LatestOfCreatedUpdatedAndPublished_Wins()
    {
        var gap = Gap("g", [], "KB-1");
        var articles = Articles(Article("KB-1", Start.AddDays(10), Start.AddDays(40)));

        var updated = ArticleImpactCalculator.FindEvent(gap, articles, [], Start, AsOf, Options);
        var published = ArticleImpactCalculator.FindEvent(gap, articles, [new ArticlePublication("KB-1", Start.AddDays(50))], Start, AsOf, Options);

        Assert.Equal(ArticleEventSource.Updated, updated!.Source);
        Assert.Equal(Start.AddDays(40), updated.At);
        Assert.Equal(ArticleEventSource.Published, published!.Source);
        Assert.Equal(Start.AddDays(50), published.At);
    }

    [Fact]
    public void FindEvent_PublicationNamingTheGap_AppliesWithoutAMatch()
    {
        var articles = Articles(Article("KB-9", null));
        var publications = new[] { new ArticlePublication("KB-9", Event, "g") };

        Assert.Equal(ArticleEventSource.Published, ArticleImpactCalculator.FindEvent(Gap("g", []), articles, publications, Start, AsOf, Options)!.Source);
        Assert.Null(ArticleImpactCalculator.FindEvent(Gap("other", []), articles, publications, Start, AsOf, Options));
    }

    [Fact]
    public void FindEvent_ArticleLinkedByEnoughTickets_Matches()
    {
        var linked = Enumerable.Range(0, 3).Select(i => Member($"t{i}", 1, FcrOutcome.Success, ["KB-2"]));
        var articles = Articles(Article("KB-2", Event));

        Assert.NotNull(ArticleImpactCalculator.FindEvent(Gap("g", linked), articles, [], Start, AsOf, Options));
        Assert.Null(ArticleImpactCalculator.FindEvent(Gap("g", linked.Take(2)), articles, [], Start, AsOf, Options));
    }

    [Fact]
    public void Window_CountsOnlyMatureOutcomesInsideTheSpan()
    {
        var members = new[]
        {
            Member("a", 10, FcrOutcome.Success, nia: true),
            Member("b", 11, FcrOutcome.Failure, nia: false),
            Member("c", 12, FcrOutcome.Immature),
            Member("d", 30, FcrOutcome.Success),
        };
        var gap = Gap("g", members) with { Sessions = [new ImpactSession(Start.AddDays(10), true, true), new ImpactSession(Start.AddDays(11), false, false)] };

        var window = ArticleImpactCalculator.Window(gap, Start.AddDays(10), Start.AddDays(20));

        Assert.Equal(new Rate(1, 2), window.Fcr);
        Assert.Equal(new Rate(1, 2), window.ReopenRate);
        Assert.Equal(new Rate(1, 2), window.NiaRate);
        Assert.Equal(new Rate(1, 1), window.DeflectionRate);
        Assert.Equal(1, window.ImmatureFirstContacts);
    }

    [Fact]
    public void Measure_WindowIsShortenedToTheTimeAvailable()
    {
        // 60 days before the event, 40 after, maximum 28: both windows are 28 days; with a 30-day maximum and as_of 20
        // days after the event, 20.
        var gap = Gap("g", Block("b", 40, 20, 20));
        var articleEvent = new ArticleEvent("KB-1", "t", Event, ArticleEventSource.Created);

        var full = ArticleImpactCalculator.Measure(gap, articleEvent, [], Start, AsOf, Options);
        var shortened = ArticleImpactCalculator.Measure(gap, articleEvent, [], Start, Event.AddDays(20), new ArticleImpactOptions { MaximumWindow = TimeSpan.FromDays(30) });

        Assert.Equal(TimeSpan.FromDays(28), full.Window);
        Assert.Equal(Event.AddDays(-28), full.Before.From);
        Assert.Equal(Event.AddDays(28), full.After.To);
        Assert.Equal(TimeSpan.FromDays(20), shortened.Window);
    }

    [Fact]
    public void Compute_TreatedRoseControlFlat_ImprovedWithKnownAnswers()
    {
        // Treated: 20/40 before (days 40..60), 34/40 after (days 60..80). Two controls without an event: 30/40 in each
        // window, pooled 60/80 and 60/80.
        var treated = Gap("treated", Block("tb", 40, 20, 20).Concat(Block("ta", 60, 34, 6)), "KB-1");
        var controls = ControlIds.Select(id => Gap(id, Block(id + "b", 40, 30, 10).Concat(Block(id + "a", 60, 30, 10)))).ToList();

        var impacts = ArticleImpactCalculator.Compute([treated, .. controls], Articles(Article("KB-1", Event)), [], Start, AsOf, Options);

        var impact = impacts[0]!;
        Assert.Null(impacts[1]);
        Assert.Null(impacts[2]);
        Assert.Equal(new Rate(20, 40), impact.Before.Fcr);
        Assert.Equal(new Rate(34, 40), impact.After.Fcr);

        // Pooled p = 54/80; SE = √(0.675 × 0.325 × 2/40) = 0.1047318; z = 0.35 / SE = 3.3418694.
        Assert.Equal(0.35, impact.Fcr!.Difference, Tolerance);
        Assert.Equal(3.3418694, impact.Fcr.Z, Tolerance);
        Assert.Equal(0.0008322, impact.Fcr.PValue, Tolerance);

        // DiD = 0.35 − 0 ; SE = √(0.25/40 + 0.1275/40 + 2 × 0.1875/80) = 0.1188486.
        var did = impact.FcrDifferenceInDifferences!;
        Assert.Equal(0.35, did.Estimate, Tolerance);
        Assert.Equal(0.1188486, did.StandardError, Tolerance);
        Assert.Equal(new Rate(60, 80), did.ControlBefore);
        Assert.Equal(2, impact.ControlGaps);
        Assert.Equal(ImpactVerdict.Improved, impact.Verdict);
    }

    [Fact]
    public void Compute_ControlRoseAsMuch_NoChange()
    {
        var treated = Gap("treated", Block("tb", 40, 20, 20).Concat(Block("ta", 60, 34, 6)), "KB-1");
        var control = Gap("c", Block("cb", 40, 100, 100).Concat(Block("ca", 60, 170, 30)));

        var impact = ArticleImpactCalculator.Compute([treated, control], Articles(Article("KB-1", Event)), [], Start, AsOf, Options)[0]!;

        Assert.True(impact.Fcr!.PValue < 0.05);
        Assert.Equal(0, impact.FcrDifferenceInDifferences!.Estimate, Tolerance);
        Assert.Equal(ImpactVerdict.NoChange, impact.Verdict);
        Assert.Contains("control", impact.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FewMatureTicketsAfter_TooEarly()
    {
        var treated = Gap("treated", Block("tb", 40, 20, 20).Concat(Block("ta", 60, 10, 0)), "KB-1");

        var impact = ArticleImpactCalculator.Compute([treated], Articles(Article("KB-1", Event)), [], Start, AsOf, Options)[0]!;

        Assert.Equal(ImpactVerdict.TooEarly, impact.Verdict);
        Assert.Null(impact.FcrDifferenceInDifferences);
        Assert.Equal(0, impact.ControlGaps);
    }

    [Fact]
    public void Compute_FcrFellSignificantlyWithoutControls_Worsened()
    {
        var treated = Gap("treated", Block("tb", 40, 34, 6).Concat(Block("ta", 60, 20, 20)), "KB-1");

        var impact = ArticleImpactCalculator.Compute([treated], Articles(Article("KB-1", Event)), [], Start, AsOf, Options)[0]!;

        Assert.Equal(ImpactVerdict.Worsened, impact.Verdict);
    }
}
