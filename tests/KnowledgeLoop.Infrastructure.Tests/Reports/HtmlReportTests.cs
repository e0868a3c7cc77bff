using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public class HtmlReportTests
{
    private static readonly string FullHtml = HtmlReport.Render(Full());

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_HostileText_NeverBecomesMarkup()
    {
        var page = Parse(FullHtml);

        Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal(1, Regex.Count(FullHtml, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<script>alert", FullHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", FullHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<u>", FullHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", FullHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("img, u, b, iframe, object, embed"));
        var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(handlers);
        Assert.Contains(ScriptTitle, page.QuerySelector("#gap-2 .gap-title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert(5)</script>", page.QuerySelector("#gap-2 tr.rep .subject")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlyHttpUrlsAreLinked_WithNoopener()
    {
        var page = Parse(FullHtml);

        var links = page.QuerySelectorAll("a[href]").Select(a => (Href: a.GetAttribute("href")!, a)).ToList();
        Assert.All(links, l => Assert.True(l.Href.StartsWith('#') || l.Href.StartsWith("https://", StringComparison.Ordinal), l.Href));
        Assert.DoesNotContain("javascript:", string.Concat(links.Select(l => l.Href)), StringComparison.OrdinalIgnoreCase);
        var external = links.Where(l => !l.Href.StartsWith('#')).ToList();
        Assert.Equal(2, external.Count); // kb-7 and kb-2; kb-<1> has a javascript: URL and stays text
        Assert.All(external, l => Assert.Contains("noopener", l.a.GetAttribute("rel"), StringComparison.Ordinal));
        var safe = Assert.Single(external, l => l.a.TextContent == "Reset guide \"v2\"");
        Assert.Equal("https://help.example.com/kb/42?a=1&b=%222%22", safe.Href);
        Assert.Contains("<img src=x onerror=alert(4)>", page.QuerySelector("#gap-2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AttributeValues_AreEncoded()
    {
        var page = Parse(FullHtml);

        // The hostile text lands inside attributes too (SVG labels, tooltips); parsing must give it back whole.
        var labels = page.QuerySelectorAll("svg[aria-label]").Select(s => s.GetAttribute("aria-label")!).ToList();
        Assert.NotEmpty(labels);
        Assert.DoesNotContain("onmouseover=\"", FullHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover='", FullHtml, StringComparison.Ordinal);
        Assert.Contains("&quot; onmouseover=&quot;alert(2)", FullHtml, StringComparison.Ordinal);
        Assert.Contains("&#39; onmouseover=&#39;alert(6)", FullHtml, StringComparison.Ordinal);
        var htmlElements = page.All.Where(e => e.NamespaceUri == NamespaceNames.HtmlUri);
        Assert.All(htmlElements, e => Assert.DoesNotContain(e.Attributes, a => a.Name is "x" or "x\"" or "src"));
    }

    [Fact]
    public void Render_Page_LoadsNothingExternal()
    {
        var page = Parse(FullHtml);

        Assert.Empty(page.QuerySelectorAll("link, [src], iframe, object, embed, base"));
        Assert.DoesNotContain("@import", FullHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", FullHtml, StringComparison.OrdinalIgnoreCase);
        Assert.False(Regex.IsMatch(FullHtml, @"(src|href)\s*=\s*[""']?\s*(https?:)?//[^""']*\.(css|js|woff2?|ttf|otf)", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("xmlns", FullHtml, StringComparison.Ordinal);
        var csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InlineScript_IsPinnedByItsCspHash()
    {
        var page = Parse(FullHtml);

        var script = page.QuerySelector("script")!.TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains($"script-src 'sha256-{hash}'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WeeklyChart_HasOnePointPerWeekWithFcrAndABreakForTheMissingWeek()
    {
        var page = Parse(FullHtml);

        var chart = page.QuerySelector("svg.chart-weekly")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("FCR by ISO week", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(Weeks.Length - 1, chart.QuerySelectorAll("circle.pt").Length);
        Assert.Equal(2, chart.QuerySelectorAll("polyline.line").Length); // W20–W22 and W24–W25
        Assert.Equal(2, chart.QuerySelectorAll("path.band").Length);
        Assert.Equal("2026-W20: FCR 76.5%, 95% CI 66.4–84.2%, 65 / 85", chart.QuerySelectorAll("circle.pt")[0].TextContent);
        Assert.Equal(Weeks.Length, page.QuerySelector("#h-trend")!.ParentElement!.QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public void Render_Pareto_HasOneBarAndOneCumulativePointPerGap()
    {
        var page = Parse(FullHtml);

        var chart = page.QuerySelector("svg.chart-pareto")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(3, chart.QuerySelectorAll("rect.bar").Length);
        Assert.Equal(3, chart.QuerySelectorAll("circle.cum-pt").Length);
        var heights = chart.QuerySelectorAll("rect.bar").Select(r => double.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights.OrderDescending(), heights);
        Assert.Equal(3, chart.QuerySelector("polyline.cum")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Contains("100.0%", chart.QuerySelectorAll("circle.cum-pt")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sparklines_HaveOnePointPerWeek()
    {
        var page = Parse(FullHtml);

        var rows = page.QuerySelectorAll("table.gaps tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal(Weeks.Length, rows[0].QuerySelector("svg.spark polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, rows[1].QuerySelector("svg.spark polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Null(rows[2].QuerySelector("svg.spark"));
        Assert.All(page.QuerySelectorAll("svg"), svg => Assert.False(string.IsNullOrEmpty(svg.GetAttribute("aria-label"))));
    }

    [Fact]
    public void Render_Gaps_TableAndOneDrillDownPerGap()
    {
        var page = Parse(FullHtml);

        Assert.Equal(12, page.QuerySelectorAll("table.gaps thead th").Length);
        Assert.All(page.QuerySelectorAll("table th"), th => Assert.True(th.HasAttribute("scope")));
        var details = page.QuerySelectorAll("details.gap");
        Assert.Equal(["gap-1", "gap-2", "gap-3"], details.Select(d => d.Id));
        Assert.Equal(["#gap-1", "#gap-2", "#gap-3"], page.QuerySelectorAll("table.gaps tbody a").Select(a => a.GetAttribute("href")));
        var hostile = details[1];
        Assert.Equal(2, hostile.QuerySelectorAll("tr.rep").Length);
        Assert.Contains("secondary: outdated", hostile.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pattern: skill-based", hostile.TextContent, StringComparison.Ordinal);
        Assert.Contains("<u>mallory</u>", hostile.TextContent, StringComparison.Ordinal);
        Assert.Contains("-2+3 | see <a href=\"javascript:alert(8)\">here</a>", hostile.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, hostile.QuerySelectorAll(".chip").Length);
        Assert.Contains("Create an article", details[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Route to the process owner", details[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("t-901", page.QuerySelector("#h-unclustered")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("premature closure", page.QuerySelector("#h-diag")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Tiles_ShowValueCountsAndInterval()
    {
        var page = Parse(FullHtml);

        var tiles = page.QuerySelectorAll(".tile");
        Assert.Equal(8, tiles.Length);
        Assert.Equal("FCR", tiles[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("76.0%", tiles[0].QuerySelector(".value")!.TextContent);
        Assert.Contains("380 / 500", tiles[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("95% CI", tiles[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("n/a", tiles[5].QuerySelector(".value")!.TextContent); // deflection without sessions
    }

    [Fact]
    public void Render_Segments_OneTablePerDimensionButWeek()
    {
        var page = Parse(FullHtml);

        var section = page.QuerySelector("#h-segments")!.ParentElement!;
        Assert.Equal(["By category (1 segment)"], section.QuerySelectorAll("summary").Select(s => s.TextContent));
        Assert.Equal("billing", section.QuerySelector("tbody th")!.TextContent);
        Assert.Contains("70.0% (n = 100)", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyGaps_ParetoDrawsTheLargestFifteen()
    {
        var template = Full().Gaps![0];
        var gaps = Enumerable.Range(1, 20).Select(i => template with { Rank = i, Id = $"g{i}", FcrPointsLost = i / 1000.0 }).ToList();

        var page = Parse(HtmlReport.Render(Full() with { Gaps = gaps }));

        var chart = page.QuerySelector("svg.chart-pareto")!;
        Assert.Equal(HtmlCharts.MaxParetoBars, chart.QuerySelectorAll("rect.bar").Length);
        Assert.Equal("#20", chart.QuerySelector("text.xl")!.TextContent);
        Assert.Contains("15 largest of 20 gaps", page.QuerySelector(".chart-pareto + figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, page.QuerySelectorAll("details.gap").Length);
    }

    [Fact]
    public void Render_OneWeekAndOneWeeklyFailure_DrawSinglePoints()
    {
        var week = Full().Segments["week"][0];
        var gap = Full().Gaps![0] with { WeeklyFailures = [new KeyCountDocument("2026-W25", 4)] };

        var page = Parse(HtmlReport.Render(Full() with
        {
            Segments = new Dictionary<string, IReadOnlyList<SegmentDocument>> { ["week"] = [week] },
            Gaps = [gap],
        }));

        Assert.Single(page.QuerySelectorAll("svg.chart-weekly circle.pt"));
        Assert.Single(page.QuerySelector("table.gaps svg.spark polyline")!.GetAttribute("points")!.Split(' '));
        Assert.Single(page.QuerySelectorAll("svg.chart-pareto rect.bar"));
    }

    [Theory]
    [InlineData("missing", "t-missing")]
    [InlineData("duplicate", "t-duplicate")]
    [InlineData("x\" onclick=\"alert(1)", "t-other")]
    public void TypeBadge_Type_ClassComesFromAFixedList(string type, string expectedClass)
    {
        var badge = Parse("<p>" + HtmlReport.TypeBadge(type) + "</p>").QuerySelector("span")!;

        Assert.Equal(["badge", expectedClass], badge.ClassList);
        Assert.Equal(type, badge.TextContent);
        Assert.False(badge.HasAttribute("onclick"));
    }

    [Fact]
    public void Render_NoGaps_SaysSoAndDrawsNoPareto()
    {
        var page = Parse(HtmlReport.Render(Empty()));

        Assert.Contains("No knowledge gaps found", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("svg.chart-pareto"));
        Assert.Empty(page.QuerySelectorAll("details.gap"));
        Assert.NotNull(page.QuerySelector("svg.chart-weekly"));
    }

    [Fact]
    public void Render_NullMetrics_ShowsNotAvailableEverywhere()
    {
        var page = Parse(HtmlReport.Render(NullMetrics()));

        Assert.All(page.QuerySelectorAll(".tile .value"), v => Assert.Equal("n/a", v.TextContent));
        Assert.Null(page.QuerySelector("svg"));
        Assert.Contains("did not run", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#h-unclustered"));
    }

    [Fact]
    public void Render_AnyDocument_ParsesWithoutHtmlErrors()
    {
        var strict = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });

        foreach (var document in new[] { Full(), Empty(), NullMetrics() })
        {
            var page = strict.ParseDocument(HtmlReport.Render(document));
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public void Render_SameDocument_SameBytes()
    {
        Assert.Equal(FullHtml, HtmlReport.Render(Full()));
    }
}
