using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// report.html: one self-contained page for support leaders — header, metric tiles, FCR by week, the
/// Pareto of FCR points lost, the ranked gap table and a drill-down per gap, diagnostics and unclustered
/// failures. No external asset of any kind: inline CSS, inline SVG, one small inline script that only adds
/// conveniences (expand all, open details for printing), pinned by a Content-Security-Policy hash so no
/// other script can run. Every piece of data is HTML-encoded; only http(s) article URLs become links.
/// </summary>
public static class HtmlReport
{
    private const int MaxListedIds = 500;

    private const int MaxSegmentRows = 25;

    private const string Script =
        """
        (function () {
          var gaps = document.querySelectorAll('details.gap');
          var tools = document.getElementById('gap-tools');
          if (tools && gaps.length) {
            tools.hidden = false;
            tools.querySelector('[data-act="open"]').addEventListener('click', function () { gaps.forEach(function (d) { d.open = true; }); });
            tools.querySelector('[data-act="close"]').addEventListener('click', function () { gaps.forEach(function (d) { d.open = false; }); });
          }
          var all = document.querySelectorAll('details');
          window.addEventListener('beforeprint', function () { all.forEach(function (d) { d.dataset.wasOpen = d.open ? '1' : ''; d.open = true; }); });
          window.addEventListener('afterprint', function () { all.forEach(function (d) { d.open = d.dataset.wasOpen === '1'; }); });
          function openTarget() {
            var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
            if (target && target.tagName === 'DETAILS') { target.open = true; }
          }
          window.addEventListener('hashchange', openTarget);
          openTarget();
        })();
        """;

    private static readonly string ScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    private static readonly string[] KnownTypes = ["missing", "ineffective", "outdated", "findability", "process", "duplicate"];

    /// <summary>The report as one self-contained HTML5 document.</summary>
    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-")
            .Append(ScriptHash).Append("'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"generator\" content=\"KnowledgeLoop\">\n")
            .Append("<title>Knowledge gap report — as of ").Append(ReportText.Date(report.AsOf)).Append("</title>\n")
            .Append("<style>").Append(HtmlStyles.Css).Append("</style>\n</head>\n<body>\n");

        Header(html, report);
        html.Append("<main>\n");
        Tiles(html, report);
        Trend(html, report);
        Segments(html, report);
        Gaps(html, report);
        NextIssueSections.HtmlPaths(html, report);
        ImpactReportSection.Html(html, report);
        Diagnostics(html, report);
        Unclustered(html, report);
        html.Append("</main>\n");
        Footer(html, report);
        html.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportDocument report)
    {
        html.Append("<header class=\"top\">\n<div class=\"brand\">KnowledgeLoop</div>\n<h1>Knowledge gap report</h1>\n<p class=\"period\">");
        if (ReportText.Period(report) is { } period)
        {
            html.Append("Tickets created <strong>").Append(Html.Encode(period)).Append("</strong> · ");
        }

        html.Append("data as of <strong><time datetime=\"").Append(Html.Encode(report.AsOf.ToString("O", CultureInfo.InvariantCulture))).Append("\">")
            .Append(ReportText.Time(report.AsOf)).Append("</time></strong> · FCR window ").Append(Html.Encode(ReportText.FcrWindow(report.Settings)))
            .Append(" · generated ").Append(ReportText.Time(report.GeneratedAt)).Append("</p>\n");

        var c = report.Counts;
        html.Append("<ul class=\"counts\" aria-label=\"Population counts\">");
        Count(html, "tickets", c.Tickets);
        Count(html, "first contacts", c.FirstContacts);
        Count(html, "mature first contacts", c.MatureFirstContacts);
        Count(html, "immature (not yet judged)", c.Immature);
        Count(html, "failed first contacts", c.Failures);
        Count(html, "articles", c.Articles);
        Count(html, "self-service sessions", c.Sessions);
        html.Append("<li><strong>").Append(ReportText.Hours(report.MedianHoursToResolution)).Append("</strong> median time to resolution</li>");
        html.Append("</ul>\n</header>\n");
    }

    private static void Count(StringBuilder html, string label, long value) =>
        html.Append("<li><strong>").Append(ReportText.Count(value)).Append("</strong> ").Append(label).Append("</li>");

    private static void Tiles(StringBuilder html, ReportDocument report)
    {
        html.Append("<section aria-labelledby=\"h-metrics\">\n<h2 id=\"h-metrics\">Headline metrics</h2>\n<div class=\"tiles\">\n");
        foreach (var metric in ReportText.ShownMetrics(report.Metrics))
        {
            var rate = metric.Select(report.Metrics);
            html.Append("<article class=\"tile").Append(rate is null ? " na" : string.Empty).Append("\">")
                .Append("<h3>").Append(metric.Label).Append("</h3>")
                .Append("<p class=\"value\">").Append(ReportText.Percent(rate)).Append("</p>");
            if (rate is null)
            {
                html.Append("<p class=\"sub\">not available for this data</p>");
            }
            else
            {
                html.Append("<p class=\"sub\">").Append(ReportText.Counts(rate)).Append("</p>")
                    .Append("<p class=\"sub\">95% CI ").Append(ReportText.Interval(rate)).Append("</p>")
                    .Append(Invariant($"<div class=\"ci\" aria-hidden=\"true\"><span class=\"ci-band\" style=\"left:{rate.CiLow * 100:0.#}%;width:{(rate.CiHigh - rate.CiLow) * 100:0.#}%\"></span><span class=\"ci-mark\" style=\"left:{rate.Rate * 100:0.#}%\"></span></div>"));
            }

            html.Append("<p class=\"def\">").Append(metric.Description).Append("</p></article>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Trend(StringBuilder html, ReportDocument report)
    {
        var weeks = ReportText.Weeks(report);
        html.Append("<section aria-labelledby=\"h-trend\">\n<h2 id=\"h-trend\">FCR by week</h2>\n");
        if (HtmlCharts.WeeklyFcr(weeks) is not { } chart)
        {
            html.Append("<p class=\"muted\">No weekly FCR to draw: the report has no week segments with mature first contacts.</p>\n</section>\n");
            return;
        }

        html.Append("<figure class=\"chart-box\">").Append(chart)
            .Append("<figcaption>Weekly FCR by ticket creation week, with its 95% interval; a week with few mature first contacts has a wide band.</figcaption></figure>\n");
        html.Append("<details class=\"data\"><summary>Weekly FCR as a table</summary><div class=\"scroll\"><table><caption class=\"sr\">FCR by week</caption><thead><tr>")
            .Append("<th scope=\"col\">Week</th><th scope=\"col\">Tickets</th><th scope=\"col\">FCR</th><th scope=\"col\">95% CI</th><th scope=\"col\">n / N</th></tr></thead><tbody>");
        foreach (var week in weeks)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(week.Key)).Append("</th><td class=\"num\">").Append(ReportText.Count(week.Tickets))
                .Append("</td><td class=\"num\">").Append(ReportText.Percent(week.Metrics.Fcr)).Append("</td><td>").Append(ReportText.Interval(week.Metrics.Fcr))
                .Append("</td><td class=\"num\">").Append(ReportText.Counts(week.Metrics.Fcr)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></details>\n</section>\n");
    }

    private static void Segments(StringBuilder html, ReportDocument report)
    {
        // Weeks have their own chart; the other dimensions in the order the run was configured with.
        var dimensions = report.Settings.Segments.Concat(report.Segments.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(d => d != "week" && report.Segments.TryGetValue(d, out var rows) && rows.Count > 0)
            .ToList();
        if (dimensions.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"h-segments\">\n<h2 id=\"h-segments\">Metrics by segment</h2>\n");
        foreach (var dimension in dimensions)
        {
            var rows = report.Segments[dimension];
            var shown = dimension == "month"
                ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
                : rows.OrderByDescending(r => r.Tickets).ThenBy(r => r.Key, StringComparer.Ordinal).Take(MaxSegmentRows).ToList();
            html.Append("<details class=\"data\"><summary>By ").Append(Html.Encode(dimension)).Append(" (").Append(ReportText.Count(rows.Count)).Append(rows.Count == 1 ? " segment)</summary>" : " segments)</summary>")
                .Append("<div class=\"scroll\"><table class=\"compact\"><caption class=\"sr\">Metrics by ").Append(Html.Encode(dimension)).Append("</caption><thead><tr>")
                .Append("<th scope=\"col\">Segment</th><th scope=\"col\" class=\"num\">Tickets</th><th scope=\"col\" class=\"num\">FCR</th><th scope=\"col\">95% CI</th>")
                .Append("<th scope=\"col\" class=\"num\">Reopen</th><th scope=\"col\" class=\"num\">Escalation</th><th scope=\"col\" class=\"num\">First-tier</th>")
                .Append("<th scope=\"col\" class=\"num\">Link rate</th><th scope=\"col\" class=\"num\">Median time to resolution</th></tr></thead><tbody>");
            foreach (var row in shown)
            {
                var m = row.Metrics;
                html.Append("<tr><th scope=\"row\">").Append(Html.Encode(row.Key)).Append("</th><td class=\"num\">").Append(ReportText.Count(row.Tickets))
                    .Append("</td><td class=\"num\">").Append(ReportText.RateWithN(m.Fcr)).Append("</td><td>").Append(ReportText.Interval(m.Fcr))
                    .Append("</td><td class=\"num\">").Append(ReportText.Percent(m.ReopenRate)).Append("</td><td class=\"num\">").Append(ReportText.Percent(m.EscalationRate))
                    .Append("</td><td class=\"num\">").Append(ReportText.Percent(m.FirstTierResolutionRate)).Append("</td><td class=\"num\">").Append(ReportText.Percent(m.LinkRate))
                    .Append("</td><td class=\"num\">").Append(ReportText.Hours(row.MedianHoursToResolution)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
            if (shown.Count < rows.Count)
            {
                html.Append(Invariant($"<p class=\"small\">The {shown.Count} largest of {rows.Count} segments; report.json has them all.</p>"));
            }

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void Gaps(StringBuilder html, ReportDocument report)
    {
        html.Append("<section aria-labelledby=\"h-gaps\">\n<h2 id=\"h-gaps\">Knowledge gaps</h2>\n");
        if (report.Gaps is not { } gaps)
        {
            html.Append("<p class=\"muted\">The gap analysis did not run for this report (metrics only).</p>\n</section>\n");
            return;
        }

        if (gaps.Count == 0)
        {
            html.Append("<p class=\"empty\">No knowledge gaps found: no cluster of failed first contacts stood out.</p>\n</section>\n");
            return;
        }

        if (HtmlCharts.Pareto(gaps) is { } pareto)
        {
            html.Append("<figure class=\"chart-box\">").Append(pareto)
                .Append("<figcaption>FCR points lost by gap, largest first (bars, left axis), and the cumulative share of all points lost (line, right axis)");
            if (gaps.Count > HtmlCharts.MaxParetoBars)
            {
                html.Append(Invariant($"; the {HtmlCharts.MaxParetoBars} largest of {gaps.Count} gaps"));
            }

            html.Append(".</figcaption></figure>\n");
        }

        html.Append("<p>Ranked by expected FCR lift: the FCR points the whole operation would gain if the topic resolved as well as the rest. Select a gap for its evidence.</p>\n");
        html.Append("<div class=\"scroll\"><table class=\"gaps\"><caption class=\"sr\">Ranked knowledge gaps</caption><thead><tr>")
            .Append("<th scope=\"col\">#</th><th scope=\"col\">Gap</th><th scope=\"col\">Type</th><th scope=\"col\" class=\"num\">Tickets</th>")
            .Append("<th scope=\"col\" class=\"num\">Failures</th><th scope=\"col\" class=\"num\">FCR</th><th scope=\"col\" class=\"num\">Points lost</th>")
            .Append("<th scope=\"col\" class=\"num\">Expected lift (95% CI)</th><th scope=\"col\">Trend</th><th scope=\"col\" class=\"num\">Coverage</th>")
            .Append("<th scope=\"col\">Best article</th><th scope=\"col\">Weekly failures</th></tr></thead>\n<tbody>\n");
        foreach (var gap in gaps)
        {
            var best = gap.TopArticles.Count > 0 ? gap.TopArticles[0] : null;
            html.Append("<tr><th scope=\"row\" class=\"num\">").Append(gap.Rank).Append("</th>")
                .Append("<td><a href=\"#gap-").Append(gap.Rank).Append("\">").Append(Html.Encode(gap.Title)).Append("</a>")
                .Append(gap.Emerging ? " <span class=\"badge emerging\">emerging</span>" : string.Empty)
                .Append("<div class=\"id\">").Append(Html.Encode(gap.Id)).Append("</div></td>")
                .Append("<td>").Append(TypeBadge(gap.Type)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Count(gap.TicketCount)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Count(gap.FailureCount)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Percent(gap.Fcr)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Points(gap.FcrPointsLost)).Append("</td>")
                .Append("<td class=\"num\">").Append(Html.Encode(ReportText.Lift(gap))).Append("</td>")
                .Append("<td>").Append(Html.Encode(ReportText.Trend(gap))).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Percent(gap.Coverage)).Append("</td>")
                .Append("<td>").Append(best is null ? "<span class=\"muted\">none</span>" : Html.Encode(best.Title) + " <span class=\"muted\">(" + ReportText.Similarity(best.Similarity) + ")</span>").Append("</td>")
                .Append("<td>").Append(HtmlCharts.Sparkline(gap.WeeklyFailures) ?? "<span class=\"muted\">—</span>").Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        html.Append("<div id=\"gap-tools\" class=\"tools\" hidden><button type=\"button\" data-act=\"open\">Expand all</button> <button type=\"button\" data-act=\"close\">Collapse all</button></div>\n");
        var rankOfGap = gaps.GroupBy(g => g.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Rank, StringComparer.Ordinal);
        foreach (var gap in gaps)
        {
            HtmlGapDetails.Write(html, gap, rankOfGap);
        }

        html.Append("</section>\n");
    }

    private static void Diagnostics(StringBuilder html, ReportDocument report)
    {
        html.Append("<section aria-labelledby=\"h-diag\">\n<h2 id=\"h-diag\">Diagnostics</h2>\n");
        if (report.Diagnostics.Count == 0)
        {
            html.Append("<p class=\"muted\">No misleading metric pairings found (premature closure, hard tickets escalated, false efficiency, customers giving up).</p>\n</section>\n");
            return;
        }

        html.Append("<p>Pairings of metrics that make one of them misleading, per segment.</p>\n<div class=\"scroll\"><table><caption class=\"sr\">Diagnostics</caption><thead><tr>")
            .Append("<th scope=\"col\">Where</th><th scope=\"col\">Finding</th><th scope=\"col\">Numbers</th></tr></thead><tbody>\n");
        foreach (var d in report.Diagnostics)
        {
            var where = d.Dimension == "overall" ? $"overall {d.Key}" : $"{d.Dimension} = {d.Key}";
            html.Append("<tr><td>").Append(Html.Encode(where)).Append("</td><td><span class=\"badge diag\">").Append(Html.Encode(d.Kind.Replace('_', ' ')))
                .Append("</span></td><td>").Append(Html.Encode(d.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Unclustered(StringBuilder html, ReportDocument report)
    {
        if (report.UnclusteredFailures is not { } ids)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"h-unclustered\">\n<h2 id=\"h-unclustered\">Unclustered failures</h2>\n<p><strong>")
            .Append(ReportText.Count(ids.Count)).Append("</strong> failed tickets fell into no gap");
        if (report.Counts.Failures > 0)
        {
            html.Append(" (").Append(ReportText.Percent(ids.Count / (double)report.Counts.Failures)).Append(" of all failures)");
        }

        html.Append(": too far from every cluster to be counted in one.</p>\n");
        IdList(html, ids, "Unclustered failed tickets");
        html.Append("</section>\n");
    }

    /// <summary>A collapsed list of ticket ids, capped at <see cref="MaxListedIds"/>.</summary>
    internal static void IdList(StringBuilder html, IReadOnlyList<string> ids, string summary)
    {
        if (ids.Count == 0)
        {
            return;
        }

        html.Append("<details class=\"data\"><summary>").Append(summary).Append(" (").Append(ReportText.Count(ids.Count)).Append(")</summary><p class=\"ids\">")
            .AppendJoin(", ", ids.Take(MaxListedIds).Select(Html.Encode));
        if (ids.Count > MaxListedIds)
        {
            html.Append(Invariant($" … and {ids.Count - MaxListedIds} more (see report.json)"));
        }

        html.Append("</p></details>\n");
    }

    /// <summary>A coloured badge for a gap type; the class comes from a fixed list, never from the data.</summary>
    internal static string TypeBadge(string? type)
    {
        var known = KnownTypes.Contains(type) ? type : "other";
        return $"<span class=\"badge t-{known}\">{Html.Encode(type)}</span>";
    }

    private static void Footer(StringBuilder html, ReportDocument report)
    {
        html.Append("<footer>\n");
        if (report.Analysis is { } a)
        {
            html.Append("<p>Analysis: embedder ").Append(Html.Encode(a.Embedder)).Append(Invariant($" ({a.Dimensions} dimensions), {a.Clusters} clusters (requested "))
                .Append(Html.Encode(a.ClustersRequested)).Append(Invariant($"), seed {a.Seed}, {a.Failures:#,0} failures clustered, {a.Unclustered:#,0} unclustered, similarity threshold {a.SimilarityThreshold:0.00}"));
            if (a.Silhouette is { } silhouette)
            {
                html.Append(Invariant($", silhouette {silhouette:0.00}"));
            }

            html.Append(".</p>\n");
        }

        html.Append("<p>Rates are fractions of the stated denominators with Wilson 95% intervals; immature first contacts (FCR window not yet elapsed) are counted neither as successes nor as failures. Generated by KnowledgeLoop.</p>\n</footer>\n");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
