using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// report.md: a summary a knowledge manager reads top to bottom — headline metrics with intervals, the
/// ranked gap table, then one section per gap saying why it is a gap and what to do. Every piece of
/// ticket or article text is escaped, so a pipe or a tag in the data cannot break a table or inject HTML.
/// </summary>
public static class MarkdownReport
{
    private const int MaxRepresentatives = 5;

    /// <summary>The report as GitHub-flavoured Markdown (LF line endings).</summary>
    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder(16 * 1024);
        md.Append("# Knowledge gap report\n\n");
        var period = ReportText.Period(report);
        md.Append("Data as of ").Append(ReportText.Time(report.AsOf));
        if (period is not null)
        {
            md.Append(" · tickets created ").Append(Escape(period));
        }

        md.Append(" · FCR window ").Append(ReportText.FcrWindow(report.Settings))
            .Append(" · generated ").Append(ReportText.Time(report.GeneratedAt)).Append("\n\n");

        Metrics(md, report);
        Gaps(md, report);
        NextIssueSections.MarkdownPaths(md, report);
        ImpactReportSection.Markdown(md, report);
        Diagnostics(md, report);
        Unclustered(md, report);
        Analysis(md, report);
        return md.ToString();
    }

    /// <summary>
    /// Inline text with every Markdown-significant character backslash-escaped and line breaks folded to
    /// spaces, safe in a paragraph, a list item or a table cell.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '<' or '>' or '&' or '~' or '$')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        var escaped = builder.ToString().Trim();

        // A leading marker would start a list, a heading, a quote or a setext underline inside a list item.
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '#' or '=')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')' ? escaped.Insert(digits, "\\") : escaped;
    }

    private static void Metrics(StringBuilder md, ReportDocument report)
    {
        md.Append("## Headline metrics\n\n");
        md.Append("| Metric | Value | 95% interval | n / N |\n| --- | ---: | --- | ---: |\n");
        foreach (var metric in ReportText.ShownMetrics(report.Metrics))
        {
            var rate = metric.Select(report.Metrics);
            md.Append("| ").Append(metric.Label).Append(" | ").Append(ReportText.Percent(rate)).Append(" | ")
                .Append(ReportText.Interval(rate)).Append(" | ").Append(ReportText.Counts(rate)).Append(" |\n");
        }

        var counts = report.Counts;
        md.Append('\n')
            .Append("Tickets: ").Append(ReportText.Count(counts.Tickets))
            .Append(" · first contacts: ").Append(ReportText.Count(counts.FirstContacts))
            .Append(" · mature first contacts: ").Append(ReportText.Count(counts.MatureFirstContacts))
            .Append(" · failures: ").Append(ReportText.Count(counts.Failures))
            .Append(" · articles: ").Append(ReportText.Count(counts.Articles))
            .Append(" · self-service sessions: ").Append(ReportText.Count(counts.Sessions))
            .Append(" · median time to resolution: ").Append(ReportText.Hours(report.MedianHoursToResolution))
            .Append("\n\n");
        md.Append("**Immature first contacts: ").Append(ReportText.Count(counts.Immature))
            .Append("** — their FCR window has not elapsed by as_of, so they are counted neither as successes nor as failures.\n\n");
    }

    private static void Gaps(StringBuilder md, ReportDocument report)
    {
        md.Append("## Ranked gaps\n\n");
        if (report.Gaps is null)
        {
            md.Append("The gap analysis did not run for this report (metrics only).\n\n");
            return;
        }

        if (report.Gaps.Count == 0)
        {
            md.Append("No knowledge gaps found: no cluster of failed first contacts stood out.\n\n");
            return;
        }

        md.Append("Ranked by expected FCR lift: the FCR points the whole operation would gain if this topic resolved as well as the rest.\n\n");
        md.Append("| # | Gap | Type | Tickets | Failures | FCR | Points lost | Expected lift (95% CI) | Trend | Coverage | Best article |\n");
        md.Append("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        foreach (var gap in report.Gaps)
        {
            var best = gap.TopArticles.Count > 0
                ? $"{Escape(gap.TopArticles[0].Title)} ({ReportText.Similarity(gap.TopArticles[0].Similarity)})"
                : "none";
            md.Append("| ").Append(gap.Rank)
                .Append(" | ").Append(Escape(gap.Title)).Append(gap.Emerging ? " (emerging)" : string.Empty)
                .Append(" | ").Append(Escape(ReportText.Type(gap)))
                .Append(" | ").Append(ReportText.Count(gap.TicketCount))
                .Append(" | ").Append(ReportText.Count(gap.FailureCount))
                .Append(" | ").Append(ReportText.RateWithN(gap.Fcr))
                .Append(" | ").Append(ReportText.Points(gap.FcrPointsLost))
                .Append(" | ").Append(ReportText.Lift(gap))
                .Append(" | ").Append(ReportText.Trend(gap))
                .Append(" | ").Append(ReportText.Percent(gap.Coverage))
                .Append(" | ").Append(best)
                .Append(" |\n");
        }

        md.Append('\n');
        foreach (var gap in report.Gaps)
        {
            Gap(md, gap);
        }
    }

    private static void Gap(StringBuilder md, GapDocument gap)
    {
        md.Append("### ").Append(gap.Rank).Append(". ").Append(Escape(gap.Title)).Append("\n\n");
        md.Append("- **Id:** ").Append(Escape(gap.Id)).Append('\n');
        if (ReportLineage.SinceLastRun(gap) is { } since)
        {
            md.Append("- **Since last run:** ").Append(Escape(since)).Append('\n');
        }

        md.Append("- **Type:** ").Append(Escape(ReportText.Type(gap))).Append(gap.Emerging ? " — emerging: new and growing fast" : string.Empty).Append('\n');
        md.Append("- **Why:** ").Append(Escape(gap.Reason)).Append('\n');
        if (gap.SimilarityThreshold is { } threshold)
        {
            md.Append("- **Similarity threshold:** ").Append(ReportText.Similarity(threshold)).Append('\n');
        }

        md.Append("- **Keywords:** ").Append(gap.Keywords.Count == 0 ? "none" : string.Join(", ", gap.Keywords.Select(Escape))).Append('\n');
        ChatOutputs(md, gap);
        md.Append("- **What to do:** ").Append(Escape(ReportText.Action(gap))).Append('\n');
        md.Append("- **Impact:** ").Append(ReportText.Count(gap.FailureCount)).Append(" failures of ")
            .Append(ReportText.Count(gap.TicketCount)).Append(" tickets, FCR ").Append(ReportText.Percent(gap.Fcr))
            .Append(gap.Fcr is null ? string.Empty : $" (95% CI {ReportText.Interval(gap.Fcr)})").Append(", ").Append(ReportText.Points(gap.FcrPointsLost))
            .Append(" lost, expected lift ").Append(ReportText.Lift(gap)).Append(", trend ").Append(ReportText.Trend(gap));
        if (gap.FailureCost is { } cost)
        {
            md.Append(", failure cost ").Append(ReportText.Money(cost));
        }

        if (gap.FailureHours is { } hours)
        {
            md.Append(", ").Append(ReportText.Hours(hours)).Append(" of agent time");
        }

        md.Append('\n');
        md.Append("- **Coverage:** ").Append(ReportText.Percent(gap.Coverage)).Append(" of its tickets have an article above the threshold\n");

        md.Append("- **Top articles:**");
        if (gap.TopArticles.Count == 0)
        {
            md.Append(" none\n");
        }
        else
        {
            md.Append('\n');
            foreach (var article in gap.TopArticles)
            {
                md.Append("  - ").Append(Escape(article.Title)).Append(" (").Append(Escape(article.Id)).Append(") — similarity ")
                    .Append(ReportText.Similarity(article.Similarity));
                if (!string.IsNullOrEmpty(article.BestChunk))
                {
                    md.Append(", best section: ").Append(Escape(article.BestChunk));
                }

                md.Append('\n');
            }
        }

        if (ReportText.Pattern(gap) is { } pattern)
        {
            md.Append("- **Pattern:** ").Append(Escape(pattern));
            if (!string.IsNullOrEmpty(gap.PatternReason))
            {
                md.Append(" — ").Append(Escape(gap.PatternReason));
            }

            md.Append('\n');
            foreach (var agent in ReportText.Agents(gap))
            {
                md.Append("  - ").Append(Escape(agent)).Append('\n');
            }
        }

        NextIssueSections.MarkdownGap(md, gap);
        md.Append("- **Representative tickets:**");
        var subjects = (gap.Evidence ?? []).GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Subject, StringComparer.Ordinal);
        if (gap.RepresentativeTicketIds.Count == 0)
        {
            md.Append(" none\n");
        }
        else
        {
            md.Append('\n');
            foreach (var id in gap.RepresentativeTicketIds.Take(MaxRepresentatives))
            {
                md.Append("  - ").Append(Escape(id));
                if (subjects.TryGetValue(id, out var subject))
                {
                    md.Append(": ").Append(Escape(subject));
                }

                md.Append('\n');
            }
        }

        md.Append('\n');
    }

    /// <summary>What a chat model added (DESIGN §4.5), only when it did: its name, summary, outline and type opinion.</summary>
    private static void ChatOutputs(StringBuilder md, GapDocument gap)
    {
        if (gap.AiTitle is { } title)
        {
            md.Append("- **Chat model's reading:** ").Append(Escape(title));
            if (gap.AiSummary is { } summary)
            {
                md.Append(" — ").Append(Escape(summary));
            }

            md.Append('\n');
        }

        if (gap.Outline is { } outline)
        {
            md.Append("- **Draft article:** ").Append(Escape(outline.Title)).Append(" (for ").Append(Escape(outline.Audience)).Append(")\n");
            for (var i = 0; i < outline.Steps.Count; i++)
            {
                md.Append("  ").Append(i + 1).Append(". ").Append(Escape(outline.Steps[i])).Append('\n');
            }

            md.Append("  - What the failed tickets needed: ").Append(string.Join("; ", outline.Needs.Select(Escape))).Append('\n');
        }

        if (gap.TypeOpinion is { } opinion)
        {
            md.Append("- **Second opinion on the type:** ").Append(Escape(opinion.Type)).Append(opinion.Agrees ? " (agrees)" : " (disagrees)")
                .Append(" — ").Append(Escape(opinion.Reason)).Append('\n');
        }

        if (gap.AiFallbacks is { Count: > 0 } fallbacks)
        {
            md.Append("- **Chat model fell back to the extractive labels:** ").Append(string.Join("; ", fallbacks.Select(Escape))).Append('\n');
        }
    }

    private static void Diagnostics(StringBuilder md, ReportDocument report)
    {
        md.Append("## Diagnostics\n\n");
        if (report.Diagnostics.Count == 0)
        {
            md.Append("No misleading metric pairings found.\n\n");
            return;
        }

        md.Append("| Where | Finding | Numbers |\n| --- | --- | --- |\n");
        foreach (var d in report.Diagnostics)
        {
            md.Append("| ").Append(Escape(d.Dimension == "overall" ? $"overall {d.Key}" : $"{d.Dimension} = {d.Key}"))
                .Append(" | ").Append(Escape(d.Kind.Replace('_', ' ')))
                .Append(" | ").Append(Escape(d.Message)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Unclustered(StringBuilder md, ReportDocument report)
    {
        if (report.UnclusteredFailures is not { } unclustered)
        {
            return;
        }

        md.Append("## Unclustered failures\n\n").Append(ReportText.Count(unclustered.Count)).Append(" failed tickets fell into no gap");
        if (report.Counts.Failures > 0)
        {
            md.Append(" (").Append(ReportText.Percent(unclustered.Count / (double)report.Counts.Failures)).Append(" of all failures)");
        }

        md.Append(": too far from every cluster to be counted in one.\n\n");
    }

    private static void Analysis(StringBuilder md, ReportDocument report)
    {
        if (report.Analysis is not { } a)
        {
            return;
        }

        md.Append("## How the analysis ran\n\n")
            .Append("Embedder ").Append(Escape(a.Embedder)).Append(" (").Append(a.Dimensions).Append(" dimensions) · clusters ")
            .Append(a.Clusters).Append(" (requested ").Append(Escape(a.ClustersRequested)).Append(") · seed ").Append(a.Seed)
            .Append(" · failures clustered ").Append(ReportText.Count(a.Failures)).Append(" · unclustered ").Append(ReportText.Count(a.Unclustered))
            .Append(" · similarity threshold ").Append(ReportText.Similarity(a.SimilarityThreshold));
        if (a.Silhouette is { } silhouette)
        {
            md.Append(" · silhouette ").Append(ReportText.Similarity(silhouette));
        }

        md.Append('\n');
        if (report.Ai is { } ai && (ai.RemoteAi || ai.Embedder != "local" || ai.ChatModel is not null || ai.VectorStore != "embedded"))
        {
            md.Append('\n').Append("AI: embedder ").Append(Escape(ai.EmbeddingModel ?? ai.Embedder))
                .Append(" · chat model ").Append(Escape(ai.ChatModel ?? "none"))
                .Append(" · vector store ").Append(Escape(ai.VectorStore))
                .Append(" · redaction ").Append(ai.Redaction ? "on" : "off")
                .Append(ai.RemoteAi ? " · ticket text was sent to a remote endpoint"
                    : ai.Embedder != "local" || ai.ChatModel is not null ? " · ticket text went only to an endpoint on this machine" : string.Empty)
                .Append('\n');
        }
    }
}
