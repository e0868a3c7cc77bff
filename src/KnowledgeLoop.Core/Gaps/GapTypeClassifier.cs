using System.Globalization;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>
/// Types a cluster's knowledge gap (DESIGN §4.7) from the tickets' own evidence, not from one similarity threshold.
/// <para>
/// A top article counts as the cluster's <em>match</em> when its centroid similarity reaches
/// <see cref="GapTypingOptions.SimilarityThreshold"/> and it is not a <em>neighbour</em>. A neighbour is an article of an
/// adjacent topic (the US sales-tax article next to an EU VAT reverse-charge cluster): the tickets it serves well
/// elsewhere (linking it, resolved on first contact, outside the cluster; at least
/// <see cref="GapTypingOptions.MinimumServedTickets"/>) are markedly more similar to it (median higher by
/// <see cref="GapTypingOptions.ServedSimilarityMargin"/>) than the cluster's tickets, the cluster links it on fewer than
/// <see cref="GapTypingOptions.LowLinkRate"/> of its resolved tickets, and the few cluster tickets that do link it don't
/// resolve as well as the rest. Without served tickets the similarity is taken at its word, and the reason says so.
/// The cluster's side of the comparison is the median of its tickets' similarities to the article; when none was given
/// it falls back to the centroid similarity, which runs higher than single tickets', so the test then errs towards
/// "not a neighbour".
/// </para>
/// <para>Rules, first that fires wins (the rule ids in brackets):</para>
/// <list type="number">
/// <item><b>missing</b> [missing.no-match]: no top article reaches the threshold; [missing.neighbour]: every article that
/// does is a neighbour.</item>
/// <item><b>duplicate</b> [duplicate]: the match and the next non-neighbour article above the threshold differ by at most
/// <see cref="GapTypingOptions.DuplicateMargin"/> and resemble each other by at least
/// <see cref="GapTypingOptions.DuplicateArticleSimilarity"/>. The secondary type is what rules 3–5 say of the match.</item>
/// <item><b>process</b> [process]: the match is linked (≥ <see cref="GapTypingOptions.LowLinkRate"/> of resolved tickets)
/// and at least <see cref="GapTypingOptions.EscalationShare"/> of the cluster's failures (≥
/// <see cref="GapTypingOptions.MinimumFailures"/>) were escalated or transferred. Secondary: outdated, when it fires.</item>
/// <item><b>ineffective / outdated</b> [ineffective], [outdated]: the match is linked, at least
/// <see cref="GapTypingOptions.MinimumLinkedTickets"/> mature first contacts link it, and they fail: their FCR is at least
/// <see cref="GapTypingOptions.IneffectiveMargin"/> below the rest's, or no better than the cluster's unlinked tickets.
/// Outdated: the article last changed before the cluster's surge (see <see cref="ClusterSurge"/>) and the linked tickets
/// since the surge fail by the same test. Both firing: outdated is primary when the linked tickets before the surge
/// resolved at least <see cref="GapTypingOptions.IneffectiveMargin"/> better (the article worked, then the topic moved);
/// otherwise ineffective is, with the other named as secondary.</item>
/// <item><b>findability</b>: [findability.rarely-linked] the match is linked on fewer than
/// <see cref="GapTypingOptions.LowLinkRate"/> of resolved tickets and deflects less than
/// <see cref="GapTypingOptions.LowDeflectionRate"/> (or no session data); [findability.agents] rarely linked though
/// self-service deflects with it; [findability.works-when-linked] linked, and the tickets that link it resolve (rule 4 did
/// not fire), so the failures are the tickets that don't; [findability.too-few-linked] linked on too few mature first
/// contacts to judge the article.</item>
/// </list>
/// </summary>
public static class GapTypeClassifier
{
    /// <summary>Types the gap with the default <see cref="GapTypingOptions"/>.</summary>
    public static GapTyping Classify(GapCluster cluster, GapPopulation population, DateTimeOffset asOf) =>
        Classify(cluster, population, asOf, new GapTypingOptions());

    /// <summary>Types the gap.</summary>
    public static GapTyping Classify(GapCluster cluster, GapPopulation population, DateTimeOffset asOf, GapTypingOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var members = cluster.Members;
        var clusterFcr = GapMath.Fcr(members);
        var restFcr = GapMath.RestFcr(population, clusterFcr);
        var memberIds = new HashSet<string>(members.Select(m => m.Ticket.Id), StringComparer.Ordinal);
        var articles = cluster.TopArticles
            .OrderByDescending(a => a.Similarity)
            .ThenBy(a => a.Article.Id, StringComparer.Ordinal)
            .ToList();
        var assessments = articles.Select(a => Assess(a, members, memberIds, restFcr, options)).ToList();

        var context = new Context
        {
            Cluster = cluster,
            Options = options,
            RestFcr = restFcr,
            Surge = ClusterSurge.Find(members, population.DataStart, asOf, options),
            Failures = clusterFcr is null ? 0 : clusterFcr.Denominator - clusterFcr.Numerator,
            EscalatedFailures = members.LongCount(m => m.Outcome.IsFailure && (m.Outcome.FailureReasons & FcrFailureReasons.Escalated) != 0),
        };

        var decision = Decide(context, assessments);
        return new GapTyping
        {
            Type = decision.Type,
            SecondaryType = decision.Secondary,
            Reason = decision.Reason,
            Rule = decision.Rule,
            ArticleId = decision.ArticleId,
            DuplicateArticleId = decision.DuplicateArticleId,
            SimilarityThreshold = options.SimilarityThreshold,
            Coverage = Coverage(members, options.SimilarityThreshold),
            RestFcr = restFcr?.Value,
            EscalatedShareOfFailures = context.EscalatedShare,
            SurgeStart = context.Surge?.Start,
            Articles = assessments,
        };
    }

    /// <summary>Share of the members whose best article similarity reaches the threshold; 0 for none.</summary>
    public static double Coverage(IReadOnlyList<ClusterMember> members, double threshold)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            return 0;
        }

        var covered = members.Count(m => m.ArticleSimilarities.Count > 0 && m.ArticleSimilarities.Values.Max() >= threshold);
        return (double)covered / members.Count;
    }

    private static Decision Decide(Context context, List<ArticleAssessment> articles)
    {
        var threshold = context.Options.SimilarityThreshold;
        var above = articles.Where(a => a.AboveThreshold).ToList();

        // The tickets' own evidence before the text's: an article the cluster's tickets link and then resolve with
        // answers the topic even when its words differ from the customers' (similarity below the threshold), unless
        // it has a closer home (tickets it serves elsewhere are markedly more similar to it): what fails is finding it.
        if (above.All(a => a.IsNeighbour)
            && articles.FirstOrDefault(a => a.AnswersWhenLinked && a.LinkRate is { } rate && rate.Value < context.Options.LowLinkRate) is { } answer)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{answer.ArticleId} answers the topic when linked: the cluster's tickets that link it resolve {GapMath.Percent(answer.LinkedFcr!)}{Versus(answer.UnlinkedFcr, " vs ", " for the others")}, but it is linked on only {GapMath.Percent(answer.LinkRate!)} of resolved tickets and its words differ from the customers' (similarity {GapMath.Number(answer.Similarity)}{(answer.AboveThreshold ? string.Empty : " < " + GapMath.Number(threshold))}): fix its title, search terms and placement");
            return new Decision(GapType.Findability, null, "findability.vocabulary", reason, answer.ArticleId);
        }

        // An article the cluster's tickets link often is the topic's article however its words compare: typed on what
        // happens to those tickets, never "missing" (small topics clustered on their own often sit just below the threshold).
        if (above.Count == 0 && articles.FirstOrDefault(a => a.LinkRate is { } rate && rate.Value >= context.Options.UsedArticleLinkRate) is { } used)
        {
            return TypeMatch(context, used);
        }

        if (above.Count == 0)
        {
            var best = articles.Count == 0
                ? "no article candidates"
                : $"best {articles[0].ArticleId} similarity {GapMath.Number(articles[0].Similarity)}";
            return new Decision(GapType.Missing, null, "missing.no-match", $"no article reaches {GapMath.Number(threshold)}: {best}", articles.FirstOrDefault()?.ArticleId);
        }

        var matches = above.Where(a => !a.IsNeighbour).ToList();
        if (matches.Count == 0)
        {
            var first = above[0];
            var others = above.Count > 1
                ? "; so are " + string.Join(", ", above.Skip(1).Select(a => $"{a.ArticleId} ({GapMath.Number(a.Similarity)})"))
                : string.Empty;
            var reason = $"best article {first.ArticleId} similarity {GapMath.Number(first.Similarity)} ≥ {GapMath.Number(threshold)} is a neighbouring topic, not an answer: {NeighbourEvidence(first)}{others}";
            return new Decision(GapType.Missing, null, "missing.neighbour", reason, first.ArticleId);
        }

        var match = matches[0];
        var verdict = TypeMatch(context, match);
        if (matches.Count > 1 && context.Cluster.ArticleSimilarity is { } similarity)
        {
            var second = matches[1];
            var between = similarity(match.ArticleId, second.ArticleId);
            if (match.Similarity - second.Similarity <= context.Options.DuplicateMargin && between >= context.Options.DuplicateArticleSimilarity)
            {
                var reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{match.ArticleId} ({GapMath.Number(match.Similarity)}) and {second.ArticleId} ({GapMath.Number(second.Similarity)}) match within {GapMath.Number(context.Options.DuplicateMargin)} and resemble each other ({GapMath.Number(between)} ≥ {GapMath.Number(context.Options.DuplicateArticleSimilarity)}): merge them; besides, {verdict.Type.ToContractName()}: {verdict.Reason}");
                return new Decision(GapType.Duplicate, verdict.Type, "duplicate", reason, match.ArticleId, second.ArticleId);
            }
        }

        return verdict;
    }

    private static Decision TypeMatch(Context context, ArticleAssessment match)
    {
        var options = context.Options;
        var head = match.AboveThreshold
            ? $"best article {match.ArticleId} similarity {GapMath.Number(match.Similarity)} ≥ {GapMath.Number(options.SimilarityThreshold)}"
            : $"{match.ArticleId} (similarity {GapMath.Number(match.Similarity)} < {GapMath.Number(options.SimilarityThreshold)}, but the cluster's tickets link it)";
        var linked = match.LinkRate is { } linkRate && linkRate.Value >= options.LowLinkRate;
        var outdated = linked ? Outdated(context, match) : null;

        if (linked && context.Failures >= options.MinimumFailures && context.EscalatedShare >= options.EscalationShare)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{head} and linked on {GapMath.Percent(match.LinkRate!)} of resolved tickets, but {GapMath.Percent(context.EscalatedShare!.Value)} of the cluster's {context.Failures} failures were escalated or transferred (≥ {GapMath.Percent(options.EscalationShare)}): routing, permissions or a defect, not docs");
            if (outdated is not null)
            {
                reason += "; also outdated: " + outdated.Reason;
            }

            return new Decision(GapType.Process, outdated is null ? null : GapType.Outdated, "process", reason, match.ArticleId);
        }

        var linkedFcr = match.LinkedFcr;
        if (linked && linkedFcr is not null && linkedFcr.Denominator >= options.MinimumLinkedTickets)
        {
            var failing = Failing(linkedFcr, match.UnlinkedFcr, context.RestFcr, options);
            var ineffective = failing is null
                ? null
                : $"{head} and linked on {GapMath.Percent(match.LinkRate!)} of resolved tickets, {failing}";
            if (ineffective is not null && outdated is not null)
            {
                return outdated.WorkedBefore
                    ? new Decision(GapType.Outdated, GapType.Ineffective, "outdated", $"{head}; {outdated.Reason}; also ineffective: {failing}", match.ArticleId)
                    : new Decision(GapType.Ineffective, GapType.Outdated, "ineffective", $"{ineffective}; also outdated: {outdated.Reason}", match.ArticleId);
            }

            if (ineffective is not null)
            {
                return new Decision(GapType.Ineffective, null, "ineffective", ineffective, match.ArticleId);
            }

            if (outdated is not null)
            {
                return new Decision(GapType.Outdated, null, "outdated", $"{head}; {outdated.Reason}", match.ArticleId);
            }

            return new Decision(
                GapType.Findability,
                null,
                "findability.works-when-linked",
                $"{head} and its linked tickets resolve {GapMath.Percent(linkedFcr)}{Versus(match.UnlinkedFcr, " vs ", " for the cluster's unlinked ones")}, but it is linked on only {GapMath.Percent(match.LinkRate!)} of resolved tickets: the failures are the tickets that don't find it",
                match.ArticleId);
        }

        if (linked)
        {
            return new Decision(
                GapType.Findability,
                null,
                "findability.too-few-linked",
                string.Create(CultureInfo.InvariantCulture, $"{head} and linked on {GapMath.Percent(match.LinkRate!)} of resolved tickets, but only {linkedFcr?.Denominator ?? 0} mature first contacts link it (< {options.MinimumLinkedTickets}): too few to judge the article, so typed on how rarely it is found"),
                match.ArticleId);
        }

        var deflection = Deflection(context, match);
        var answers = AnswerEvidence(match, context.RestFcr, options);
        var linkWords = match.LinkRate is null ? "no resolved tickets to link it" : $"linked on only {GapMath.Percent(match.LinkRate)} of resolved tickets";
        if (deflection is { } d && d.Rate.Value >= options.LowDeflectionRate)
        {
            return new Decision(
                GapType.Findability,
                null,
                "findability.agents",
                $"{head} answers the topic ({answers}) and self-service finds it ({d.Source} deflects {GapMath.Percent(d.Rate)} ≥ {GapMath.Percent(options.LowDeflectionRate)}), but agents don't: {linkWords} (< {GapMath.Percent(options.LowLinkRate)})",
                match.ArticleId);
        }

        var deflectionWords = deflection is { } low
            ? $"{low.Source} deflects {GapMath.Percent(low.Rate)} (< {GapMath.Percent(options.LowDeflectionRate)})"
            : "deflection not available";
        return new Decision(
            GapType.Findability,
            null,
            "findability.rarely-linked",
            $"{head} answers the topic ({answers}) but is {linkWords} (< {GapMath.Percent(options.LowLinkRate)}) and {deflectionWords}",
            match.ArticleId);
    }

    /// <summary>Why the linked tickets count as failing, or null when they don't.</summary>
    private static string? Failing(Rate linked, Rate? unlinked, Rate? rest, GapTypingOptions options)
    {
        if (rest is not null && rest.Value - linked.Value >= options.IneffectiveMargin)
        {
            return $"yet linked tickets fail {GapMath.FailPercent(linked)} vs {GapMath.Percent(1 - rest.Value)} elsewhere";
        }

        if (unlinked is not null && unlinked.Denominator >= options.MinimumLinkedTickets && linked.Value <= unlinked.Value)
        {
            return $"yet linked tickets resolve no better ({GapMath.Percent(linked)}) than the cluster's unlinked ones ({GapMath.Percent(unlinked)})";
        }

        return null;
    }

    private static OutdatedEvidence? Outdated(Context context, ArticleAssessment match)
    {
        var options = context.Options;
        if (context.Surge is not { } surge || match.LastChanged is not { } changed || changed >= surge.Start)
        {
            return null;
        }

        var members = context.Cluster.Members;
        var after = GapMath.Fcr(members, m => surge.After(m) && GapMath.Links(m, match.ArticleId));
        if (after is null || after.Denominator < options.MinimumLinkedTickets)
        {
            return null;
        }

        var unlinkedAfter = GapMath.Fcr(members, m => surge.After(m) && !GapMath.Links(m, match.ArticleId));
        var failing = Failing(after, unlinkedAfter, context.RestFcr, options);
        if (failing is null)
        {
            return null;
        }

        var before = GapMath.Fcr(members, m => !surge.After(m) && GapMath.Links(m, match.ArticleId));
        var workedBefore = before is not null && before.Denominator >= options.MinimumLinkedTickets && before.Value - after.Value >= options.IneffectiveMargin;
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{match.ArticleId} last changed {GapMath.Date(changed)}, before the cluster's surge (week of {GapMath.Date(surge.Start)}: {surge.Tickets} tickets vs {surge.Baseline:0.0}/week before); since the surge {failing.Replace("yet ", string.Empty, StringComparison.Ordinal)}");
        if (workedBefore)
        {
            reason += $", while before it they failed {GapMath.FailPercent(before!)}";
        }

        return new OutdatedEvidence(reason, workedBefore);
    }

    private static (Rate Rate, string Source)? Deflection(Context context, ArticleAssessment match)
    {
        var minimum = context.Options.MinimumSessions;
        if (context.Cluster.SessionDeflection is { } own && own.Denominator >= minimum)
        {
            return (own, string.Create(CultureInfo.InvariantCulture, $"self-service on this topic ({own.Denominator} sessions)"));
        }

        if (match.Deflection is { } viewed && viewed.Denominator >= minimum)
        {
            return (viewed, string.Create(CultureInfo.InvariantCulture, $"the article ({viewed.Denominator} viewing sessions)"));
        }

        return null;
    }

    private static string AnswerEvidence(ArticleAssessment match, Rate? rest, GapTypingOptions options)
    {
        var parts = new List<string>();
        if (match.ServedSimilarity is { } served && match.ServedTickets >= options.MinimumServedTickets)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the cluster's tickets sit at {GapMath.Number(match.ClusterSimilarity)}, comparable to {GapMath.Number(served)} for the {match.ServedTickets} tickets it serves well"));
        }

        if (match.LinkedFcr is { } linked && linked.Denominator >= options.MinimumLinkedTickets && linked.Value >= (rest?.Value ?? 0) - options.IneffectiveMargin)
        {
            parts.Add($"the cluster's tickets that link it resolve {GapMath.Percent(linked)}");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : "no linking evidence either way: typed on similarity alone";
    }

    private static string NeighbourEvidence(ArticleAssessment article) => string.Create(
        CultureInfo.InvariantCulture,
        $"the cluster's tickets sit at {GapMath.Number(article.ClusterSimilarity)} vs {GapMath.Number(article.ServedSimilarity ?? 0)} for the {article.ServedTickets} tickets it serves well elsewhere, and it is linked on {(article.LinkRate is null ? "none" : GapMath.Percent(article.LinkRate))} of the cluster's resolved tickets");

    private static string Versus(Rate? rate, string prefix, string suffix) => rate is null ? string.Empty : prefix + GapMath.Percent(rate) + suffix;

    private static ArticleAssessment Assess(ArticleCandidate candidate, IReadOnlyList<ClusterMember> members, HashSet<string> memberIds, Rate? restFcr, GapTypingOptions options)
    {
        var id = candidate.Article.Id;
        var ticketSimilarities = new List<double>();
        long resolved = 0, linkedResolved = 0;
        foreach (var member in members)
        {
            if (member.ArticleSimilarities.TryGetValue(id, out var s))
            {
                ticketSimilarities.Add(s);
            }

            if (member.Ticket.IsResolved)
            {
                resolved++;
                if (GapMath.Links(member, id))
                {
                    linkedResolved++;
                }
            }
        }

        var servedSimilarities = candidate.Links
            .Where(l => l.Outcome.Fcr == FcrOutcome.Success && !memberIds.Contains(l.Outcome.TicketId))
            .Select(l => l.Similarity)
            .ToList();
        var servedCount = servedSimilarities.Count;
        var served = GapMath.Median(servedSimilarities);
        var clusterMedian = GapMath.Median(ticketSimilarities);
        var clusterSimilarity = clusterMedian ?? candidate.Similarity;
        var linkRate = Rate.Of(linkedResolved, resolved);
        var linkedFcr = GapMath.Fcr(members, m => GapMath.Links(m, id));
        var unlinkedFcr = GapMath.Fcr(members, m => !GapMath.Links(m, id));

        var markedlyLess = servedCount >= options.MinimumServedTickets && clusterSimilarity < served - options.ServedSimilarityMargin;
        var notLinked = linkRate is null || linkRate.Value < options.LowLinkRate;
        // The cluster's own tickets that link the article resolve clearly better than the others: evidence it answers,
        // but only for an article whose links mostly come from this cluster. Another topic's article (or a general
        // one) also "resolves when linked", because agents link what worked, often on tickets that strayed here.
        var ownArticle = candidate.Links.Count > 0 && candidate.Links.Count(l => memberIds.Contains(l.Outcome.TicketId)) * 2 >= candidate.Links.Count;
        var linkedClearlyBetter = ownArticle && linkedFcr is not null && linkedFcr.Denominator >= Math.Max(options.MinimumLinkedTickets, 5)
            && unlinkedFcr is not null && linkedFcr.Value >= unlinkedFcr.Value + options.AnswersWhenLinkedMargin
            && linkedFcr.Value >= (restFcr?.Value ?? 0) - options.IneffectiveMargin;

        return new ArticleAssessment
        {
            ArticleId = id,
            Title = candidate.Article.Title,
            Similarity = candidate.Similarity,
            AboveThreshold = candidate.Similarity >= options.SimilarityThreshold,
            ClusterSimilarity = clusterSimilarity,
            ClusterSimilarityFromCentroid = clusterMedian is null,
            ServedTickets = servedCount,
            ServedSimilarity = served,
            LinkRate = linkRate,
            LinkedFcr = linkedFcr,
            UnlinkedFcr = unlinkedFcr,
            Deflection = candidate.Deflection,
            LastChanged = candidate.LastChanged,
            IsNeighbour = markedlyLess && notLinked && !linkedClearlyBetter,
            // Only an article whose links mostly come from this cluster: a general article linked across topics, or
            // another topic's article, also "resolves when linked" because agents link what worked.
            AnswersWhenLinked = !markedlyLess && linkedClearlyBetter,
        };
    }

    private sealed record Decision(GapType Type, GapType? Secondary, string Rule, string Reason, string? ArticleId, string? DuplicateArticleId = null);

    private sealed record OutdatedEvidence(string Reason, bool WorkedBefore);

    private sealed class Context
    {
        public required GapCluster Cluster { get; init; }

        public required GapTypingOptions Options { get; init; }

        public required Rate? RestFcr { get; init; }

        public required ClusterSurge? Surge { get; init; }

        public required long Failures { get; init; }

        public required long EscalatedFailures { get; init; }

        public double? EscalatedShare => Failures == 0 ? null : (double)EscalatedFailures / Failures;
    }
}
