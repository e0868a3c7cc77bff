using System.Globalization;
using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>The drill-down of one gap in report.html: why, what to do, rates, matched articles, pattern and evidence tickets.</summary>
internal static class HtmlGapDetails
{
    /// <summary>Appends the gap's &lt;details&gt; element (id "gap-&lt;rank&gt;", so the table can link to it).</summary>
    public static void Write(StringBuilder html, GapDocument gap, IReadOnlyDictionary<string, int>? rankOfGap = null)
    {
        html.Append("<details class=\"gap\" id=\"gap-").Append(gap.Rank).Append("\">\n<summary><span class=\"rank\">#").Append(gap.Rank).Append("</span> ")
            .Append("<span class=\"gap-title\">").Append(Html.Encode(gap.Title)).Append("</span> ").Append(HtmlReport.TypeBadge(gap.Type));
        if (gap.Emerging)
        {
            html.Append(" <span class=\"badge emerging\">emerging</span>");
        }

        html.Append(" <span class=\"muted\">").Append(ReportText.Count(gap.FailureCount)).Append(" failures · ")
            .Append(ReportText.Points(gap.FcrPointsLost)).Append(" lost · lift ").Append(Html.Encode(ReportText.SignedPoints(gap.ExpectedFcrLift))).Append("</span></summary>\n<div class=\"body\">\n");

        html.Append("<p class=\"action\"><strong>What to do.</strong> ").Append(Html.Encode(ReportText.Action(gap))).Append("</p>\n");
        html.Append("<dl class=\"facts\">");
        Fact(html, "Why", Html.Encode(gap.Reason));
        Fact(html, "Type", Html.Encode(gap.Type) + (string.IsNullOrEmpty(gap.SecondaryType) ? string.Empty : " · secondary: " + Html.Encode(gap.SecondaryType)));
        Fact(html, "Gap id", "<code>" + Html.Encode(gap.Id) + "</code>");
        if (ReportLineage.SinceLastRun(gap) is { } since)
        {
            Fact(html, "Since last run", Html.Encode(since));
        }

        if (gap.SimilarityThreshold is { } threshold)
        {
            Fact(html, "Similarity threshold", ReportText.Similarity(threshold));
        }

        Fact(html, "Keywords", gap.Keywords.Count == 0 ? "none" : string.Concat(gap.Keywords.Select(k => "<span class=\"chip\">" + Html.Encode(k) + "</span>")));
        ChatOutputs(html, gap);
        Fact(html, "Coverage", ReportText.Percent(gap.Coverage) + " of its tickets have an article above the threshold");
        Fact(html, "Trend", Html.Encode(ReportText.Trend(gap)) + " <span class=\"muted\">(failures, last 4 weeks vs the 4 before)</span>");
        Fact(html, "Expected lift", Html.Encode(ReportText.Lift(gap)) + (gap.ExpectedFcrLiftCiLow is null ? string.Empty : " <span class=\"muted\">(FCR points, 95% bootstrap interval)</span>"));
        if (gap.Categories is { Count: > 0 } categories)
        {
            Fact(html, "Categories", string.Join(", ", categories.Select(c => Html.Encode(c.Key) + " (" + ReportText.Count(c.Count) + ")")));
        }

        if (HtmlCharts.Sparkline(gap.WeeklyFailures) is { } spark)
        {
            Fact(html, "Weekly failures", spark);
        }

        html.Append("</dl>\n");

        Rates(html, gap);
        Articles(html, gap);
        Pattern(html, gap);
        NextIssueSections.HtmlGap(html, gap, rankOfGap);
        Evidence(html, gap);
        HtmlReport.IdList(html, gap.FailureTicketIds, "All failed tickets of this gap");
        html.Append("</div>\n</details>\n");
    }

    /// <summary>What a chat model added, only when it did.</summary>
    private static void ChatOutputs(StringBuilder html, GapDocument gap)
    {
        if (gap.AiTitle is { } title)
        {
            Fact(html, "Chat model's reading", "<strong>" + Html.Encode(title) + "</strong>" + (gap.AiSummary is { } summary ? " — " + Html.Encode(summary) : string.Empty));
        }

        if (gap.Outline is { } outline)
        {
            Fact(html, "Draft article", "<strong>" + Html.Encode(outline.Title) + "</strong> <span class=\"muted\">for " + Html.Encode(outline.Audience) + "</span><ol>"
                + string.Concat(outline.Steps.Select(step => "<li>" + Html.Encode(step) + "</li>")) + "</ol>"
                + "<span class=\"muted\">What the failed tickets needed:</span> " + string.Join("; ", outline.Needs.Select(Html.Encode)));
        }

        if (gap.TypeOpinion is { } opinion)
        {
            Fact(html, "Second opinion", HtmlReport.TypeBadge(opinion.Type) + (opinion.Agrees ? " agrees — " : " disagrees — ") + Html.Encode(opinion.Reason));
        }

        if (gap.AiFallbacks is { Count: > 0 } fallbacks)
        {
            Fact(html, "Chat fallbacks", "<span class=\"muted\">" + string.Join("; ", fallbacks.Select(Html.Encode)) + "</span>");
        }
    }

    private static void Fact(StringBuilder html, string term, string definitionHtml) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(definitionHtml).Append("</dd>");

    private static void Rates(StringBuilder html, GapDocument gap)
    {
        html.Append("<h4>Rates in this gap</h4>\n<div class=\"scroll\"><table class=\"compact\"><thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th>")
            .Append("<th scope=\"col\">95% CI</th><th scope=\"col\" class=\"num\">n / N</th></tr></thead><tbody>");
        RateRow(html, "FCR", gap.Fcr);

        // The other rates are extensions a gap may lack; a row of n/a says nothing, so absent ones are left out.
        foreach (var (label, rate) in new[]
        {
            ("Reopen rate", gap.ReopenRate), ("Escalation rate", gap.EscalationRate), ("Knowledge deflection", gap.DeflectionRate),
            ("Next-issue avoidance", gap.NiaRate), ("Link rate", gap.LinkRate),
        })
        {
            if (rate is not null)
            {
                RateRow(html, label, rate);
            }
        }

        html.Append("</tbody></table></div>\n<p class=\"small\">")
            .Append(ReportText.Count(gap.TicketCount)).Append(" tickets · ").Append(ReportText.Count(gap.FailureCount)).Append(" failed first contacts");
        if (gap.MatureFirstContacts is { } mature)
        {
            html.Append(" of ").Append(ReportText.Count(mature)).Append(" mature");
        }

        if (gap.Csat is { } csat)
        {
            html.Append(" · CSAT ").Append(csat.ToString("0.00", CultureInfo.InvariantCulture));
        }

        if (gap.MedianHoursToResolution is { } hours)
        {
            html.Append(" · median time to resolution ").Append(ReportText.Hours(hours));
        }

        if (gap.FailureCost is { } cost)
        {
            html.Append(" · failure cost ").Append(ReportText.Money(cost));
        }

        if (gap.FailureHours is { } failureHours)
        {
            html.Append(" · ").Append(ReportText.Hours(failureHours)).Append(" of agent time");
        }

        html.Append("</p>\n");
    }

    private static void RateRow(StringBuilder html, string label, RateDocument? rate) =>
        html.Append("<tr><th scope=\"row\">").Append(label).Append("</th><td class=\"num\">").Append(ReportText.Percent(rate)).Append("</td><td>")
            .Append(ReportText.Interval(rate)).Append("</td><td class=\"num\">").Append(ReportText.Counts(rate)).Append("</td></tr>");

    private static void Articles(StringBuilder html, GapDocument gap)
    {
        html.Append("<h4>Matched articles</h4>\n");
        if (gap.TopArticles.Count == 0)
        {
            html.Append("<p class=\"muted\">No article matches this topic.</p>\n");
            return;
        }

        html.Append("<div class=\"scroll\"><table class=\"compact\"><thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Id</th><th scope=\"col\" class=\"num\">Similarity</th>")
            .Append("<th scope=\"col\">Best section</th><th scope=\"col\">Updated</th><th scope=\"col\" class=\"num\">Linked tickets</th><th scope=\"col\" class=\"num\">FCR when linked</th></tr></thead><tbody>");
        foreach (var article in gap.TopArticles)
        {
            html.Append("<tr><td>");
            if (Html.SafeUrl(article.Url) is { } url)
            {
                html.Append("<a href=\"").Append(Html.Encode(url)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">").Append(Html.Encode(article.Title)).Append("</a>");
            }
            else
            {
                html.Append(Html.Encode(article.Title));
            }

            var passes = gap.SimilarityThreshold is { } threshold && article.Similarity >= threshold;
            html.Append("</td><td><code>").Append(Html.Encode(article.Id)).Append("</code></td><td class=\"num\">").Append(ReportText.Similarity(article.Similarity))
                .Append(passes ? " <span class=\"ok\" title=\"passes the threshold\">✓</span>" : string.Empty)
                .Append("</td><td>").Append(Html.Encode(article.BestChunk)).Append("</td><td>")
                .Append(article.UpdatedAt is { } updated ? ReportText.Date(updated) : "<span class=\"muted\">—</span>")
                .Append("</td><td class=\"num\">").Append(article.LinkedTickets is { } linked ? ReportText.Count(linked) : "—")
                .Append("</td><td class=\"num\">").Append(article.LinkedFcr is null ? "—" : ReportText.RateWithN(article.LinkedFcr)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Pattern(StringBuilder html, GapDocument gap)
    {
        if (ReportText.Pattern(gap) is not { } pattern)
        {
            return;
        }

        html.Append("<h4>Pattern: ").Append(Html.Encode(pattern)).Append("</h4>\n<p>");
        html.Append(gap.Pattern == "skill_based"
            ? "Failures concentrate on a few agents or one group beyond what their volume explains: coach them."
            : "Failures spread across agents and groups in proportion to their volume: fix the knowledge, not the people.");
        if (!string.IsNullOrEmpty(gap.PatternReason))
        {
            html.Append(" <span class=\"muted\">").Append(Html.Encode(gap.PatternReason)).Append("</span>");
        }

        html.Append("</p>\n");
        if (gap.Agents is { Count: > 0 } agents)
        {
            html.Append("<div class=\"scroll\"><table class=\"compact\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Tickets</th>")
                .Append("<th scope=\"col\" class=\"num\">Failures</th><th scope=\"col\" class=\"num\">Expected</th></tr></thead><tbody>");
            foreach (var agent in agents)
            {
                html.Append("<tr><th scope=\"row\">").Append(Html.Encode(agent.Name)).Append("</th><td>").Append(Html.Encode(agent.Kind))
                    .Append("</td><td class=\"num\">").Append(ReportText.Count(agent.Tickets)).Append("</td><td class=\"num\">").Append(ReportText.Count(agent.Failures))
                    .Append("</td><td class=\"num\">").Append(agent.ExpectedFailures.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>\n");
        }
    }

    private static void Evidence(StringBuilder html, GapDocument gap)
    {
        html.Append("<h4>Evidence tickets</h4>\n");
        if (gap.Evidence is not { Count: > 0 } evidence)
        {
            html.Append("<p>Representative tickets: ").Append(gap.RepresentativeTicketIds.Count == 0 ? "none" : string.Join(", ", gap.RepresentativeTicketIds.Select(Html.Encode))).Append("</p>\n");
            return;
        }

        html.Append("<p class=\"small\">Representative tickets (nearest the centre of the topic) are marked ★ and listed first.</p>\n")
            .Append("<div class=\"scroll\"><table class=\"evidence\"><thead><tr><th scope=\"col\">Ticket</th><th scope=\"col\">Subject and excerpt</th><th scope=\"col\">Created</th>")
            .Append("<th scope=\"col\">Outcome</th><th scope=\"col\">Resolution</th><th scope=\"col\">Linked articles</th><th scope=\"col\">Context</th><th scope=\"col\" class=\"num\">Similarity</th></tr></thead><tbody>\n");
        foreach (var ticket in evidence)
        {
            html.Append(ticket.Representative ? "<tr class=\"rep\">" : "<tr>").Append("<th scope=\"row\"><code>").Append(Html.Encode(ticket.Id)).Append("</code>");
            if (ticket.Representative)
            {
                html.Append("<div class=\"badge rep-badge\">★ representative</div>");
            }

            html.Append("</th><td><div class=\"subject\">").Append(Html.Encode(ticket.Subject)).Append("</div><div class=\"excerpt\">").Append(Html.Encode(ticket.Excerpt))
                .Append("</div></td><td>").Append(ReportText.Date(ticket.CreatedAt)).Append("</td><td><span class=\"outcome o-")
                .Append(ticket.Outcome is "success" or "failure" or "immature" or "follow_up" ? ticket.Outcome : "other").Append("\">").Append(Html.Encode(ticket.Outcome.Replace('_', ' ')))
                .Append("</span>");
            if (ticket.FailureReasons.Count > 0)
            {
                html.Append("<div class=\"small\">").Append(Html.Encode(string.Join(", ", ticket.FailureReasons.Select(r => r.Replace('_', ' '))))).Append("</div>");
            }

            html.Append("</td><td class=\"excerpt\">").Append(string.IsNullOrEmpty(ticket.Resolution) ? "<span class=\"muted\">—</span>" : Html.Encode(ticket.Resolution))
                .Append("</td><td>").Append(ticket.LinkedArticleIds.Count == 0 ? "<span class=\"muted\">none</span>" : string.Join(", ", ticket.LinkedArticleIds.Select(id => "<code>" + Html.Encode(id) + "</code>")))
                .Append("</td><td class=\"small\">");
            var context = new[] { ticket.Category, ticket.Agent }.Where(s => !string.IsNullOrEmpty(s)).ToList();
            html.Append(context.Count == 0 ? "<span class=\"muted\">—</span>" : Html.Encode(string.Join(" · ", context)))
                .Append("</td><td class=\"num\">").Append(ReportText.Similarity(ticket.Similarity)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }
}
