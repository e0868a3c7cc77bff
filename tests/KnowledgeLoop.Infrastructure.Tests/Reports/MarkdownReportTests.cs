using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeLoop.Infrastructure.Reports;
using Markdig;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public class MarkdownReportTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The Markdown as a GitHub-like renderer would show it.</summary>
    private static IDocument Rendered(string markdown) => new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Pipeline));

    [Fact]
    public void Render_Tables_KeepTheirColumnsDespitePipesInTheData()
    {
        var html = Rendered(MarkdownReport.Render(Full()));

        var tables = html.QuerySelectorAll("table");
        Assert.Equal(3, tables.Length); // metrics, gaps, diagnostics
        var gapTable = tables[1];
        Assert.Equal(11, gapTable.QuerySelectorAll("thead th").Length);
        Assert.Equal(3, gapTable.QuerySelectorAll("tbody tr").Length);
        Assert.All(gapTable.QuerySelectorAll("tbody tr"), row => Assert.Equal(11, row.QuerySelectorAll("td").Length));
        Assert.Equal(ScriptTitle, gapTable.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td")[1].TextContent);
        Assert.All(tables[2].QuerySelectorAll("tbody tr"), row => Assert.Equal(3, row.QuerySelectorAll("td").Length));
    }

    [Fact]
    public void Render_HostileText_StaysText()
    {
        var html = Rendered(MarkdownReport.Render(Full()));

        Assert.Empty(html.QuerySelectorAll("script, img, u, b, a[href^='javascript']"));
        Assert.Contains("<script>alert(5)</script>", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Formula, html.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Headline_ShowsIntervalsCountsImmatureAndNotAvailable()
    {
        var md = MarkdownReport.Render(Full());

        Assert.Contains("| FCR | 76.0% | 72.1–79.5% | 380 / 500 |", md, StringComparison.Ordinal);
        Assert.Contains("| Knowledge deflection | n/a | n/a | n/a |", md, StringComparison.Ordinal);
        Assert.Contains("**Immature first contacts: 20**", md, StringComparison.Ordinal);
        Assert.Contains("tickets created 2026-W20 to 2026-W25", md, StringComparison.Ordinal);
        Assert.Contains("4 failed tickets fell into no gap (3.3% of all failures)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GapSections_SayWhyAndWhatToDo()
    {
        var html = Rendered(MarkdownReport.Render(Full()));
        var text = html.Body!.TextContent;

        Assert.Equal(3, html.QuerySelectorAll("h3").Length);
        Assert.Contains("Create an article", text, StringComparison.Ordinal);
        Assert.Contains("Rewrite \"<img src=x onerror=alert(4)>\"", text, StringComparison.Ordinal);
        Assert.Contains("coach the agents", text, StringComparison.Ordinal);
        Assert.Contains("older than the recent surge", text, StringComparison.Ordinal);
        Assert.Contains("Route to the process owner", text, StringComparison.Ordinal);
        Assert.Contains("skill-based", text, StringComparison.Ordinal);
        Assert.Contains("t-1: Reset link says expired", text, StringComparison.Ordinal);
        Assert.Contains("Account settings (kb-7) — similarity 0.22", text, StringComparison.Ordinal);
        Assert.Contains("↑ 25 vs 10 (+150%)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoGapsAndNullMetrics_RenderPlainStatements()
    {
        var empty = MarkdownReport.Render(Empty());
        var none = MarkdownReport.Render(NullMetrics());

        Assert.Contains("No knowledge gaps found", empty, StringComparison.Ordinal);
        Assert.Contains("did not run", none, StringComparison.Ordinal);
        Assert.Contains("| FCR | n/a | n/a | n/a |", none, StringComparison.Ordinal);
        Assert.DoesNotContain("Unclustered failures", none, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("<b>x</b>", "\\<b\\>x\\</b\\>")]
    [InlineData("- item", "\\- item")]
    [InlineData("# head", "\\# head")]
    [InlineData("12. twelve", "12\\. twelve")]
    [InlineData("line\r\n\r\nbreak", "line break")]
    [InlineData("*bold* _it_ [link](x) `code`", "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`")]
    [InlineData("a - b. c", "a - b. c")]
    public void Escape_MarkdownSyntax_IsBackslashed(string text, string expected)
    {
        Assert.Equal(expected, MarkdownReport.Escape(text));
    }

    [Fact]
    public void Render_SameDocument_SameBytes()
    {
        Assert.Equal(MarkdownReport.Render(Full()), MarkdownReport.Render(Full()));
    }
}
