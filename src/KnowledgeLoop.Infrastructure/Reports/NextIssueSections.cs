using System.Globalization;
using System.Text;
using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// The next-issue parts of report.md and report.html (docs/next-issues.md): per gap a "Customers next ask about"
/// line, and for the report the strongest cross-gap paths — where customers go next more often than the target's
/// volume explains (lift &gt; 1) — which are the articles to cross-link.
/// </summary>
internal static class NextIssueSections
{
    /// <summary>The fewest source tickets a path needs to be listed among the strongest.</summary>
    public const int MinimumTickets = 5;

    /// <summary>How many paths the report-level table lists at most.</summary>
    public const int MaximumPaths = 10;

    /// <summary>
    /// The strongest cross-gap paths: from → next gap with at least <see cref="MinimumTickets"/> tickets whose share beats
    /// the other gaps' share (share ÷ lift) by more than chance explains — a one-sided z-test over the gap's mature
    /// resolved tickets, Bonferroni-corrected for every path considered — ordered by lift, then tickets.
    /// </summary>
    public static IReadOnlyList<(GapDocument From, NextIssueDocument To)> StrongestPaths(ReportDocument report)
    {
        var candidates = (report.Gaps ?? [])
            .SelectMany(g => (g.NextIssues ?? []).Where(n => n.GapId is not null && n.Tickets >= MinimumTickets).Select(n => (From: g, To: n)))
            .ToList();
        var alpha = 0.05 / Math.Max(1, candidates.Count);
        return candidates
            .Where(p => OneSidedP(p.To, p.From.RelatedNia?.Denominator ?? 0) <= alpha)
            .OrderByDescending(p => p.To.Lift).ThenByDescending(p => p.To.Tickets).ThenBy(p => p.From.Rank)
            .Take(MaximumPaths)
            .ToList();
    }

    /// <summary>The one-sided p-value of the share against the baseline share ÷ lift over <paramref name="sources"/> tickets (normal approximation); 1 when not above it.</summary>
    internal static double OneSidedP(NextIssueDocument next, long sources)
    {
        if (next.Lift is not { } lift || lift <= 1 || sources == 0)
        {
            return 1;
        }

        var baseline = next.Share / lift;
        var z = (next.Share - baseline) / Math.Sqrt(baseline * (1 - baseline) / sources);
        return ChiSquareDistribution.SurvivalFunction(z * z, 1) / 2;
    }

    /// <summary>The gap's "Customers next ask about" list item, when the report has paths.</summary>
    public static void MarkdownGap(StringBuilder md, GapDocument gap)
    {
        if (gap.NextIssues is not { } next)
        {
            return;
        }

        md.Append("- **Customers next ask about:** ");
        md.Append(next.Count == 0
            ? "nothing else within the NIA window"
            : string.Join("; ", next.Select(n => MarkdownReport.Escape(n.Title) + " (" + ReportText.Count(n.Tickets) + ", " + ReportText.Percent(n.Share) + Lift(n) + ")")));
        if (gap.RelatedNia is { } related)
        {
            md.Append(" — related NIA ").Append(ReportText.Percent(related)).Append(" (").Append(ReportText.Counts(related)).Append(')');
        }

        md.Append('\n');
        if (gap.SecondaryFailureTicketIds is { Count: > 0 } secondary)
        {
            md.Append("- **Secondary failures:** ").Append(ReportText.Count(secondary.Count))
                .Append(" failed tickets of other gaps came back about this one: ").Append(string.Join(", ", secondary.Take(10).Select(MarkdownReport.Escape)))
                .Append(secondary.Count > 10 ? ", …" : string.Empty).Append('\n');
        }
    }

    /// <summary>The report-level table of the strongest paths (after the gaps).</summary>
    public static void MarkdownPaths(StringBuilder md, ReportDocument report)
    {
        if (report.Gaps is not { Count: > 0 } gaps || gaps.All(g => g.NextIssues is null))
        {
            return;
        }

        md.Append("## Next-issue paths: articles to cross-link\n\n");
        var paths = StrongestPaths(report);
        if (paths.Count == 0)
        {
            md.Append("No gap sends its customers to another gap more often than that gap's volume and chance explain.\n\n");
            return;
        }

        md.Append("Customers of the first gap open a ticket in the second within the NIA window more often than other customers do (lift = share ÷ the other gaps' share; listed when above chance: one-sided z-test, Bonferroni-corrected over all paths).\n\n");
        md.Append("| From gap | Next gap | Tickets | Share | Lift |\n| --- | --- | ---: | ---: | ---: |\n");
        foreach (var (from, to) in paths)
        {
            md.Append("| ").Append(from.Rank).Append(". ").Append(MarkdownReport.Escape(from.Title))
                .Append(" | ").Append(MarkdownReport.Escape(to.Title))
                .Append(" | ").Append(ReportText.Count(to.Tickets))
                .Append(" | ").Append(ReportText.Percent(to.Share))
                .Append(" | ").Append(LiftValue(to.Lift)).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>The gap's "Customers next ask about" block inside its &lt;details&gt;, linking to the target gaps.</summary>
    public static void HtmlGap(StringBuilder html, GapDocument gap, IReadOnlyDictionary<string, int>? rankOfGap)
    {
        if (gap.NextIssues is not { } next)
        {
            return;
        }

        html.Append("<h4>Customers next ask about</h4>\n");
        if (gap.RelatedNia is { } related)
        {
            html.Append("<p class=\"small\">Related NIA ").Append(ReportText.Percent(related)).Append(" (").Append(ReportText.Counts(related)).Append(", 95% CI ")
                .Append(ReportText.Interval(related)).Append("): resolved tickets after which the customer opened no new ticket in this gap within the NIA window.</p>\n");
        }

        if (next.Count == 0)
        {
            html.Append("<p class=\"muted\">No next tickets in other gaps within the NIA window.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"next-issues\">");
            foreach (var n in next)
            {
                html.Append("<li>");
                if (n.GapId is { } id && rankOfGap is not null && rankOfGap.TryGetValue(id, out var rank))
                {
                    html.Append("<a href=\"#gap-").Append(rank).Append("\">").Append(Html.Encode(n.Title)).Append("</a>");
                }
                else
                {
                    html.Append(Html.Encode(n.Title));
                }

                html.Append(" <span class=\"muted\">").Append(ReportText.Count(n.Tickets)).Append(" tickets · ").Append(ReportText.Percent(n.Share))
                    .Append(Html.Encode(Lift(n))).Append("</span></li>");
            }

            html.Append("</ul>\n");
        }

        if (gap.SecondaryFailureTicketIds is { Count: > 0 } secondary)
        {
            HtmlReport.IdList(html, secondary, "Secondary failures: failed tickets of other gaps whose later messages are about this one");
        }
    }

    /// <summary>The report-level section of the strongest paths.</summary>
    public static void HtmlPaths(StringBuilder html, ReportDocument report)
    {
        if (report.Gaps is not { Count: > 0 } gaps || gaps.All(g => g.NextIssues is null))
        {
            return;
        }

        html.Append("<section aria-labelledby=\"h-paths\">\n<h2 id=\"h-paths\">Next-issue paths: articles to cross-link</h2>\n");
        var paths = StrongestPaths(report);
        if (paths.Count == 0)
        {
            html.Append("<p class=\"muted\">No gap sends its customers to another gap more often than that gap's volume and chance explain.</p>\n</section>\n");
            return;
        }

        var rankOf = gaps.ToDictionary(g => g.Id, g => g.Rank, StringComparer.Ordinal);
        html.Append("<p>Customers of the first gap open a ticket in the second within the NIA window more often than other customers do (lift = share ÷ the other gaps' share; listed when above chance: one-sided z-test, Bonferroni-corrected over all paths).</p>\n")
            .Append("<div class=\"scroll\"><table><caption class=\"sr\">Next-issue paths</caption><thead><tr><th scope=\"col\">From gap</th><th scope=\"col\">Next gap</th>")
            .Append("<th scope=\"col\" class=\"num\">Tickets</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"num\">Lift</th></tr></thead><tbody>\n");
        foreach (var (from, to) in paths)
        {
            html.Append("<tr><td><a href=\"#gap-").Append(from.Rank).Append("\">").Append(Html.Encode(from.Title)).Append("</a></td><td>");
            if (rankOf.TryGetValue(to.GapId!, out var rank))
            {
                html.Append("<a href=\"#gap-").Append(rank).Append("\">").Append(Html.Encode(to.Title)).Append("</a>");
            }
            else
            {
                html.Append(Html.Encode(to.Title));
            }

            html.Append("</td><td class=\"num\">").Append(ReportText.Count(to.Tickets)).Append("</td><td class=\"num\">").Append(ReportText.Percent(to.Share))
                .Append("</td><td class=\"num\">").Append(LiftValue(to.Lift)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static string Lift(NextIssueDocument next) => next.Lift is { } lift ? ", ×" + lift.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;

    private static string LiftValue(double? lift) => lift is { } l ? "×" + l.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
