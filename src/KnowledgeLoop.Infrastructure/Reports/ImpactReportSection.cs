using System.Globalization;
using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// "Impact of published articles" in report.md and report.html: each gap that got an article in the data period, its
/// FCR, reopen rate, deflection and NIA before vs after (same-length windows, mature outcomes only), the tests, the
/// difference-in-differences against the control gaps and the verdict. The HTML draws the before/after bars as inline
/// SVG with the 95% intervals and the sample sizes. Nothing is written when no gap has an impact.
/// </summary>
internal static class ImpactReportSection
{
    private const double Width = 560;
    private const double Height = 210;
    private const double Left = 44;
    private const double Top = 14;
    private const double PlotHeight = 140;
    private const string BeforeColour = "#9ca3af";
    private const string AfterColour = "#2563eb";

    private static List<GapDocument> WithImpact(ReportDocument report) => report.Gaps?.Where(g => g.Impact is not null).ToList() ?? [];

    /// <summary>The Markdown section.</summary>
    public static void Markdown(StringBuilder md, ReportDocument report)
    {
        var gaps = WithImpact(report);
        if (gaps.Count == 0)
        {
            return;
        }

        md.Append("## Impact of published articles\n\n")
            .Append("Each gap whose matching article was created, updated or published in the data period: its rates in the same-length windows before and after ")
            .Append("(mature outcomes only), a two-proportion z-test, and a difference-in-differences against the gaps that got no article (pooled).\n\n")
            .Append("| # | Gap | Article | Event | Days | FCR before | FCR after | Change | p | DiD (p) | Verdict |\n")
            .Append("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var gap in gaps)
        {
            var impact = gap.Impact!;
            md.Append("| ").Append(gap.Rank)
                .Append(" | ").Append(MarkdownReport.Escape(gap.Title))
                .Append(" | ").Append(MarkdownReport.Escape($"{impact.ArticleId} {impact.ArticleTitle}"))
                .Append(" | ").Append(ReportText.Date(impact.EventAt)).Append(' ').Append(impact.Source)
                .Append(" | ").Append(Invariant($"{impact.WindowDays:0}"))
                .Append(" | ").Append(RateWithCounts(impact.Before.Fcr))
                .Append(" | ").Append(RateWithCounts(impact.After.Fcr))
                .Append(" | ").Append(impact.FcrChange is { } change ? ReportText.SignedPoints(change) : "n/a")
                .Append(" | ").Append(impact.PValue is { } p ? P(p) : "n/a")
                .Append(" | ").Append(impact.DidEstimate is { } did ? $"{ReportText.SignedPoints(did)} ({P(impact.DidPValue!.Value)})" : "n/a")
                .Append(" | **").Append(impact.Verdict).Append("** |\n");
        }

        md.Append('\n');
        foreach (var gap in gaps)
        {
            var impact = gap.Impact!;
            md.Append("- **").Append(MarkdownReport.Escape(gap.Title)).Append(":** ").Append(MarkdownReport.Escape(impact.Reason))
                .Append(". Windows ").Append(ReportText.Date(impact.Before.From)).Append(" – ").Append(ReportText.Date(impact.Before.To))
                .Append(" and ").Append(ReportText.Date(impact.After.From)).Append(" – ").Append(ReportText.Date(impact.After.To))
                .Append("; reopen ").Append(ReportText.Percent(impact.Before.ReopenRate)).Append(" → ").Append(ReportText.Percent(impact.After.ReopenRate))
                .Append(", deflection ").Append(ReportText.Percent(impact.Before.DeflectionRate)).Append(" → ").Append(ReportText.Percent(impact.After.DeflectionRate))
                .Append(", NIA ").Append(ReportText.Percent(impact.Before.NiaRate)).Append(" → ").Append(ReportText.Percent(impact.After.NiaRate))
                .Append("; control: ").Append(impact.ControlGapCount).Append(" gaps.\n");
        }

        md.Append('\n');
    }

    /// <summary>The HTML section with one before/after chart per gap.</summary>
    public static void Html(StringBuilder html, ReportDocument report)
    {
        var gaps = WithImpact(report);
        if (gaps.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"h-impact\">\n<h2 id=\"h-impact\">Impact of published articles</h2>\n")
            .Append("<p class=\"muted\">Gaps whose matching article was created, updated or published in the data period: rates in same-length windows before and after (mature outcomes only), ")
            .Append("two-proportion z-test, and difference-in-differences against the gaps with no article (pooled). Bars show the 95% interval; n is the sample size.</p>\n");
        foreach (var gap in gaps)
        {
            var impact = gap.Impact!;
            html.Append("<figure class=\"chart-box impact\" data-gap-id=\"").Append(Reports.Html.Encode(gap.Id)).Append("\">\n")
                .Append(Chart(gap.Title, impact))
                .Append("<figcaption><strong>").Append(gap.Rank).Append(". ").Append(Reports.Html.Encode(gap.Title)).Append("</strong> — ")
                .Append(Reports.Html.Encode($"{impact.ArticleId} {impact.ArticleTitle}")).Append(", ").Append(impact.Source).Append(' ')
                .Append(ReportText.Date(impact.EventAt)).Append(". <strong>").Append(Reports.Html.Encode(impact.Verdict)).Append("</strong>: ")
                .Append(Reports.Html.Encode(impact.Reason)).Append(". Control: ").Append(impact.ControlGapCount).Append(" gaps.</figcaption>\n</figure>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Grouped bars (before grey, after blue) for FCR, reopen rate, deflection and NIA, with interval whiskers and n.</summary>
    internal static string Chart(string title, ImpactDocument impact)
    {
        var metrics = new (string Name, RateDocument? Before, RateDocument? After)[]
        {
            ("FCR", impact.Before.Fcr, impact.After.Fcr),
            ("Reopen", impact.Before.ReopenRate, impact.After.ReopenRate),
            ("Deflection", impact.Before.DeflectionRate, impact.After.DeflectionRate),
            ("NIA", impact.Before.NiaRate, impact.After.NiaRate),
        };
        var label = Invariant($"Before and after {impact.ArticleId} for {title}: FCR {ReportText.Percent(impact.Before.Fcr)} (n = {impact.Before.Fcr?.Denominator ?? 0}) before, {ReportText.Percent(impact.After.Fcr)} (n = {impact.After.Fcr?.Denominator ?? 0}) after; verdict {impact.Verdict}.");
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart chart-impact\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Reports.Html.Encode(label)}\">\n"));
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var y = Y(tick);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/><text class=\"yl\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\">{tick * 100:0}%</text>\n"));
        }

        var groupWidth = (Width - Left - 8) / metrics.Length;
        var barWidth = groupWidth * 0.3;
        for (var m = 0; m < metrics.Length; m++)
        {
            var (name, before, after) = metrics[m];
            var x0 = Left + (m * groupWidth) + (groupWidth * 0.15);
            Bar(svg, x0, barWidth, before, BeforeColour, $"{name} before");
            Bar(svg, x0 + barWidth + (groupWidth * 0.1), barWidth, after, AfterColour, $"{name} after");
            svg.Append(Invariant($"<text class=\"xl\" x=\"{Left + (m * groupWidth) + (groupWidth / 2):0.#}\" y=\"{Top + PlotHeight + 32:0.#}\">{name}</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"{BeforeColour}\"/><text x=\"{Left + 14}\" y=\"{Height - 5}\">before ({ReportText.Date(impact.Before.From)} – {ReportText.Date(impact.Before.To)})</text>\n"));
        svg.Append(Invariant($"<rect x=\"{Left + 250}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"{AfterColour}\"/><text x=\"{Left + 264}\" y=\"{Height - 5}\">after ({ReportText.Date(impact.After.From)} – {ReportText.Date(impact.After.To)})</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, double x, double width, RateDocument? rate, string colour, string name)
    {
        var n = Invariant($"{x + (width / 2):0.#}");
        if (rate is null)
        {
            svg.Append(Invariant($"<text class=\"xl\" x=\"{n}\" y=\"{Top + PlotHeight - 4:0.#}\">n/a</text>\n"));
            return;
        }

        var top = Y(rate.Rate);
        svg.Append(Invariant($"<rect class=\"impact-bar\" x=\"{x:0.#}\" y=\"{top:0.#}\" width=\"{width:0.#}\" height=\"{Top + PlotHeight - top:0.#}\" fill=\"{colour}\"><title>{Reports.Html.Encode(name)}: {ReportText.Percent(rate.Rate)} ({rate.Numerator}/{rate.Denominator}), 95% {ReportText.Percent(rate.CiLow)}–{ReportText.Percent(rate.CiHigh)}</title></rect>\n"));
        svg.Append(Invariant($"<line x1=\"{n}\" x2=\"{n}\" y1=\"{Y(rate.CiLow):0.#}\" y2=\"{Y(rate.CiHigh):0.#}\" stroke=\"#111827\" stroke-width=\"1.5\"/>\n"));
        svg.Append(Invariant($"<text class=\"xl\" x=\"{n}\" y=\"{Top + PlotHeight + 14:0.#}\">n={rate.Denominator}</text>\n"));
    }

    private static double Y(double value) => Top + ((1 - value) * PlotHeight);

    private static string RateWithCounts(RateDocument? rate) => rate is null ? "n/a" : Invariant($"{ReportText.Percent(rate)} ({rate.Numerator}/{rate.Denominator})");

    private static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
