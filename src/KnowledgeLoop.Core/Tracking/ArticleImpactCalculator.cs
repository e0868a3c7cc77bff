using System.Globalization;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Did the article help (DESIGN §4.10)? For each gap, the <em>article event</em> is the latest time inside the data
/// period (after the first ticket, before as_of) at which an article matching the gap was created, updated or
/// explicitly published. An article matches a gap when it is one of the gap's top articles passing the similarity
/// threshold, when at least <see cref="ArticleImpactOptions.MinimumLinkingTickets"/> of the gap's tickets link it, or
/// when a publication names the gap. Around the event two windows of the same length
/// L = min(<see cref="ArticleImpactOptions.MaximumWindow"/>, event − first ticket, as_of − event) are compared:
/// FCR, reopen rate, deflection and NIA, each over mature outcomes only (tickets by created_at, sessions by
/// started_at), each with a two-proportion z-test, and FCR also by a difference-in-differences against the pooled
/// control gaps (those with no article event in the period) over the same windows.
/// Verdict: too_early when fewer than <see cref="ArticleImpactOptions.MinimumSample"/> mature first contacts came
/// after the event; improved (worsened) when FCR rose (fell) significantly at alpha and, with control gaps, the
/// difference-in-differences agrees in sign and is significant too; otherwise no_change.
/// </summary>
public static class ArticleImpactCalculator
{
    /// <summary>Each gap's impact (null for a gap with no article event), row for row with <paramref name="gaps"/>.</summary>
    /// <param name="gaps">Every gap of the run (the ones without an event form the control).</param>
    /// <param name="articles">The knowledge base, by id.</param>
    /// <param name="publications">Explicit publication events.</param>
    /// <param name="dataStart">The first ticket's created_at.</param>
    /// <param name="asOf">The time maturity is judged at.</param>
    /// <param name="options">Windows, alpha, minimum sample.</param>
    public static IReadOnlyList<ArticleImpact?> Compute(
        IReadOnlyList<ImpactGap> gaps,
        IReadOnlyDictionary<string, Article> articles,
        IReadOnlyList<ArticlePublication> publications,
        DateTimeOffset dataStart,
        DateTimeOffset asOf,
        ArticleImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var events = gaps.Select(g => FindEvent(g, articles, publications, dataStart, asOf, options)).ToList();
        var controls = gaps.Where((_, i) => events[i] is null).ToList();
        return gaps.Select((gap, i) => events[i] is { } e ? Measure(gap, e, controls, dataStart, asOf, options) : null).ToList();
    }

    /// <summary>The latest article event of the gap inside (dataStart, asOf), or null when none.</summary>
    public static ArticleEvent? FindEvent(
        ImpactGap gap,
        IReadOnlyDictionary<string, Article> articles,
        IReadOnlyList<ArticlePublication> publications,
        DateTimeOffset dataStart,
        DateTimeOffset asOf,
        ArticleImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(options);

        var matching = new HashSet<string>(gap.MatchingArticleIds, StringComparer.Ordinal);
        foreach (var linked in gap.Members.SelectMany(m => m.Ticket.LinkedArticleIds.Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() >= options.MinimumLinkingTickets))
        {
            matching.Add(linked.Key);
        }

        var candidates = new List<ArticleEvent>();
        foreach (var id in matching)
        {
            if (!articles.TryGetValue(id, out var article))
            {
                continue;
            }

            if (article.CreatedAt is { } created)
            {
                candidates.Add(new ArticleEvent(id, article.Title, created, ArticleEventSource.Created));
            }

            if (article.UpdatedAt is { } updated && updated != article.CreatedAt)
            {
                candidates.Add(new ArticleEvent(id, article.Title, updated, ArticleEventSource.Updated));
            }
        }

        foreach (var publication in publications)
        {
            if (string.Equals(publication.GapId, gap.Id, StringComparison.Ordinal) || matching.Contains(publication.ArticleId))
            {
                var title = articles.TryGetValue(publication.ArticleId, out var article) ? article.Title : publication.ArticleId;
                candidates.Add(new ArticleEvent(publication.ArticleId, title, publication.PublishedAt, ArticleEventSource.Published));
            }
        }

        // The latest change is the one the gap's current state reflects; at the same instant an explicit publication
        // outranks an update, which outranks a creation.
        return candidates.Where(e => e.At > dataStart && e.At < asOf)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Source).ThenBy(e => e.ArticleId, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The gap's rates over [from, to), counting only mature outcomes.</summary>
    public static ImpactWindow Window(ImpactGap gap, DateTimeOffset from, DateTimeOffset to) => Window([gap], from, to);

    /// <summary>The pooled rates of several gaps over [from, to).</summary>
    public static ImpactWindow Window(IEnumerable<ImpactGap> gaps, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        long fcrMature = 0, fcrSuccess = 0, immature = 0, resolved = 0, reopened = 0, niaMature = 0, niaAvoided = 0, sessions = 0, deflected = 0;
        var anySessions = false;
        foreach (var gap in gaps)
        {
            foreach (var member in gap.Members)
            {
                var created = member.Ticket.CreatedAt;
                if (created < from || created >= to)
                {
                    continue;
                }

                var outcome = member.Outcome;
                switch (outcome.Fcr)
                {
                    case FcrOutcome.Success:
                        fcrMature++;
                        fcrSuccess++;
                        break;
                    case FcrOutcome.Failure:
                        fcrMature++;
                        break;
                    case FcrOutcome.Immature:
                        immature++;
                        break;
                    default:
                        break;
                }

                if (member.Ticket.IsResolved && outcome.Mature)
                {
                    resolved++;
                    reopened += member.Ticket.ReopenCount > 0 ? 1 : 0;
                }

                if (outcome.NextIssueAvoided is { } avoided)
                {
                    niaMature++;
                    niaAvoided += avoided ? 1 : 0;
                }
            }

            foreach (var session in gap.Sessions)
            {
                anySessions = true;
                if (session.StartedAt >= from && session.StartedAt < to && session.Mature)
                {
                    sessions++;
                    deflected += session.Deflected ? 1 : 0;
                }
            }
        }

        return new ImpactWindow(
            from,
            to,
            Rate.Of(fcrSuccess, fcrMature),
            Rate.Of(reopened, resolved),
            anySessions ? Rate.Of(deflected, sessions) : null,
            Rate.Of(niaAvoided, niaMature),
            immature);
    }

    /// <summary>The before/after comparison of one gap around its event, against the pooled control gaps.</summary>
    public static ArticleImpact Measure(ImpactGap gap, ArticleEvent articleEvent, IReadOnlyList<ImpactGap> controls, DateTimeOffset dataStart, DateTimeOffset asOf, ArticleImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(articleEvent);
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(options);

        var at = articleEvent.At;
        var length = Min(options.MaximumWindow, Min(at - dataStart, asOf - at));
        var before = Window(gap, at - length, at);
        var after = Window(gap, at, at + length);
        var fcr = ProportionTest.Of(before.Fcr, after.Fcr);
        DifferenceInDifferences? did = null;
        if (controls.Count > 0)
        {
            did = DifferenceInDifferences.Of(before.Fcr, after.Fcr, Window(controls, at - length, at).Fcr, Window(controls, at, at + length).Fcr);
        }

        var (verdict, reason) = Judge(before, after, fcr, did, options);
        return new ArticleImpact
        {
            GapId = gap.Id,
            Event = articleEvent,
            Window = length,
            Before = before,
            After = after,
            Fcr = fcr,
            ReopenRate = ProportionTest.Of(before.ReopenRate, after.ReopenRate),
            DeflectionRate = ProportionTest.Of(before.DeflectionRate, after.DeflectionRate),
            NiaRate = ProportionTest.Of(before.NiaRate, after.NiaRate),
            FcrDifferenceInDifferences = did,
            ControlGaps = controls.Count,
            Alpha = options.Alpha,
            Verdict = verdict,
            Reason = reason,
        };
    }

    /// <summary>The verdict from the FCR test and the difference-in-differences (see the type's summary).</summary>
    public static (ImpactVerdict Verdict, string Reason) Judge(ImpactWindow before, ImpactWindow after, ProportionTest? fcr, DifferenceInDifferences? did, ArticleImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(options);
        var afterCount = after.Fcr?.Denominator ?? 0;
        var beforeCount = before.Fcr?.Denominator ?? 0;
        if (afterCount < options.MinimumSample)
        {
            return (ImpactVerdict.TooEarly, Invariant($"only {afterCount} mature first contacts since the article (at least {options.MinimumSample} needed)"));
        }

        if (beforeCount < options.MinimumSample || fcr is null)
        {
            return (ImpactVerdict.NoChange, Invariant($"only {beforeCount} mature first contacts before the article (at least {options.MinimumSample} needed): nothing to compare"));
        }

        var change = Invariant($"FCR {GapMath.Percent(before.Fcr!)} → {GapMath.Percent(after.Fcr!)}, z = {fcr.Z:0.00}, p = {fcr.PValue:0.0000}");
        var didText = did is null ? "no control gaps" : Invariant($"difference-in-differences {did.Estimate * 100:+0.0;-0.0;0.0} points, p = {did.PValue:0.0000}");
        var significant = fcr.PValue < options.Alpha && fcr.Difference != 0;
        var controlAgrees = did is null || (did.PValue < options.Alpha && Math.Sign(did.Estimate) == Math.Sign(fcr.Difference));
        if (significant && controlAgrees)
        {
            return (fcr.Difference > 0 ? ImpactVerdict.Improved : ImpactVerdict.Worsened, $"{change}; {didText}");
        }

        var why = significant ? "the control gaps changed as much" : Invariant($"not significant at {options.Alpha}");
        return (ImpactVerdict.NoChange, $"{change}; {didText}: {why}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
