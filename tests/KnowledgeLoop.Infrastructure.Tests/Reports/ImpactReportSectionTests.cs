using System.Text.RegularExpressions;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public class ImpactReportSectionTests
{
    private static readonly DateTimeOffset Event = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ImpactDocument Impact() => new()
    {
        ArticleId = "KB-7",
        ArticleTitle = "<b>Webhooks</b> & retries",
        EventAt = Event,
        Source = "published",
        WindowDays = 20,
        Before = Window(Event.AddDays(-20), Event, ReportFixtures.Rate(20, 40)),
        After = Window(Event, Event.AddDays(20), ReportFixtures.Rate(34, 40)),
        FcrChange = 0.35,
        Z = 3.341869,
        PValue = 0.000832,
        Significant = true,
        ReopenRateTest = null,
        DeflectionRateTest = null,
        NiaRateTest = null,
        DidEstimate = 0.35,
        DidStandardError = 0.118849,
        DidPValue = 0.003226,
        ControlGapCount = 2,
        ControlFcrBefore = ReportFixtures.Rate(60, 80),
        ControlFcrAfter = ReportFixtures.Rate(60, 80),
        Alpha = 0.05,
        Verdict = "improved",
        Reason = "FCR 50% (20/40) → 85% (34/40)",
    };

    private static ImpactWindowDocument Window(DateTimeOffset from, DateTimeOffset to, RateDocument fcr) => new()
    {
        From = from,
        To = to,
        Fcr = fcr,
        ReopenRate = ReportFixtures.Rate(5, 40),
        DeflectionRate = null,
        NiaRate = ReportFixtures.Rate(30, 35),
        ImmatureFirstContacts = 0,
    };

    private static ReportDocument WithImpactOnTheHostileGap()
    {
        var report = ReportFixtures.Full();
        return report with { Gaps = report.Gaps!.Select(g => g.Rank == 2 ? g with { Impact = Impact() } : g).ToList() };
    }

    [Fact]
    public void Markdown_GapWithImpact_HasTheSectionWithBeforeAfterAndVerdict()
    {
        var md = MarkdownReport.Render(WithImpactOnTheHostileGap());

        Assert.Contains("## Impact of published articles", md, StringComparison.Ordinal);
        Assert.Contains("50.0% (20/40) | 85.0% (34/40) | +35.00 pts | 0.0008 | +35.00 pts (0.0032) | **improved** |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_GapWithImpact_DrawsBarsWithIntervalsAndSampleSizes()
    {
        var html = HtmlReport.Render(WithImpactOnTheHostileGap());

        var section = html[html.IndexOf("id=\"h-impact\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<svg class=\"chart chart-impact\"", section, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(section, "class=\"impact-bar\"")); // FCR, reopen, NIA before and after; deflection n/a
        Assert.Contains("n=40", section, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Webhooks&lt;/b&gt; &amp; retries", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", section, StringComparison.Ordinal);
        Assert.Contains("improved", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoGapHasAnImpact_NoSection()
    {
        var report = ReportFixtures.Full();

        Assert.DoesNotContain("Impact of published articles", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.DoesNotContain("h-impact", HtmlReport.Render(report), StringComparison.Ordinal);
    }
}
