using AngleSharp.Html.Parser;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public sealed class NextIssueRenderingTests
{
    /// <summary>
    /// Gap 1 (200 mature resolved) sends 40 customers to gap 3 (share 20%, baseline 5%: far above chance) and 6 to
    /// the hostile gap 2 (3%, lift 1.2: chance); gap 3 has no next issues and one secondary failure.
    /// </summary>
    private static ReportDocument WithPaths()
    {
        var full = Full();
        var gaps = full.Gaps!;
        return full with
        {
            Gaps =
            [
                gaps[0] with
                {
                    RelatedNia = Rate(180, 200),
                    NextIssues =
                    [
                        new NextIssueDocument { GapId = "gap-0003", Title = "CSV export times out", Tickets = 40, Share = 0.2, Lift = 4 },
                        new NextIssueDocument { GapId = HostileGapId, Title = ScriptTitle, Tickets = 6, Share = 0.03, Lift = 1.2 },
                        new NextIssueDocument { GapId = null, Title = "unclustered", Tickets = 2, Share = 0.01, Lift = null },
                    ],
                    SecondaryFailureTicketIds = [],
                    SecondaryFailures = 0,
                },
                gaps[1] with { RelatedNia = Rate(9, 10), NextIssues = [], SecondaryFailureTicketIds = [], SecondaryFailures = 0 },
                gaps[2] with { RelatedNia = null, NextIssues = [], SecondaryFailureTicketIds = ["t-77"], SecondaryFailures = 1 },
            ],
        };
    }

    [Fact]
    public void StrongestPaths_ChancePathsAndUnclustered_LeftOut()
    {
        var paths = NextIssueSections.StrongestPaths(WithPaths());

        var path = Assert.Single(paths);
        Assert.Equal(("gap-0001", "gap-0003"), (path.From.Id, path.To.GapId));
    }

    [Fact]
    public void Html_NextIssues_LinkToTheirGapsAndTheStrongestPathsTable()
    {
        var html = HtmlReport.Render(WithPaths());
        var page = new HtmlParser().ParseDocument(html);

        var links = page.QuerySelectorAll("#gap-1 ul.next-issues li");
        Assert.Equal(3, links.Length);
        Assert.Equal("#gap-3", links[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("#gap-2", links[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(ScriptTitle, links[1].TextContent, StringComparison.Ordinal);
        Assert.Null(links[2].QuerySelector("a"));
        Assert.Contains("40 tickets · 20.0%, ×4.0", links[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Related NIA 90.0% (180 / 200", page.QuerySelector("#gap-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("t-77", page.QuerySelector("#gap-3")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#h-paths ~ div table tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal(["Password reset link expired", "CSV export times out", "40", "20.0%", "×4.0"], row.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_NextIssues_LinePerGapAndPathsTable()
    {
        var md = MarkdownReport.Render(WithPaths());

        Assert.Contains("- **Customers next ask about:** CSV export times out (40, 20.0%, ×4.0); ", md, StringComparison.Ordinal);
        Assert.Contains("unclustered (2, 1.0%) — related NIA 90.0% (180 / 200)", md, StringComparison.Ordinal);
        Assert.Contains("- **Customers next ask about:** nothing else within the NIA window", md, StringComparison.Ordinal);
        Assert.Contains("- **Secondary failures:** 1 failed tickets of other gaps came back about this one: t-77", md, StringComparison.Ordinal);
        Assert.Contains("## Next-issue paths: articles to cross-link", md, StringComparison.Ordinal);
        Assert.Contains("| 1. Password reset link expired | CSV export times out | 40 | 20.0% | ×4.0 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportWithoutPaths_HasNoPathSections()
    {
        var md = MarkdownReport.Render(Full());
        var html = HtmlReport.Render(Full());

        Assert.DoesNotContain("Customers next ask about", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Next-issue paths", md, StringComparison.Ordinal);
        Assert.DoesNotContain("h-paths", html, StringComparison.Ordinal);
    }
}
