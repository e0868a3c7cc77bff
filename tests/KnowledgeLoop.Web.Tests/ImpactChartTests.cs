using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>
/// The gap drawer's before/after chart: the generator publishes the Shopify article (KB-1010) late in the period, so
/// that gap carries an impact, drawn as two FCR bars with intervals and n; a gap without an article event has no chart.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ImpactChartTests(WebFixture fixture)
{
    private static async Task<ILocator> OpenDrawerAsync(IPage page, string gapId)
    {
        await page.Locator($"#gap-rows tr[data-gap-id='{gapId}']").ClickAsync();
        var drawer = page.Locator("#gap-detail[open]");
        await drawer.WaitForAsync();
        return drawer;
    }

    [Fact]
    public async Task Drawer_GapWithAnImpact_ShowsFcrBeforeAndAfterWithSampleSizes()
    {
        var gaps = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps").EnumerateArray().ToList();
        var gap = gaps.First(g => g.GetProperty("impact").ValueKind == JsonValueKind.Object && g.GetProperty("impact").GetProperty("article_id").GetString() == "KB-1010");
        var impact = gap.GetProperty("impact");
        var plain = gaps.First(g => g.GetProperty("impact").ValueKind == JsonValueKind.Null);
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        var drawer = await OpenDrawerAsync(page, gap.GetProperty("id").GetString()!);
        var section = drawer.Locator(".impact-section");
        var chart = section.Locator("svg.impact-chart");

        Assert.Equal(1, await chart.CountAsync());
        Assert.Equal(2, await chart.Locator("rect.impact-bar").CountAsync());
        Assert.Equal(6, await chart.Locator("line.impact-whisker").CountAsync());
        foreach (var window in new[] { "before", "after" })
        {
            var n = impact.GetProperty(window).GetProperty("fcr").GetProperty("denominator").GetInt64();
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"n = {n}"), await chart.Locator($"g[data-window='{window}'] .impact-n").TextContentAsync());
        }

        // The after bar is taller (FCR rose) and the verdict is the report's.
        var beforeHeight = await chart.Locator("rect.impact-bar-before").GetAttributeAsync("height");
        var afterHeight = await chart.Locator("rect.impact-bar-after").GetAttributeAsync("height");
        Assert.True(double.Parse(afterHeight!, CultureInfo.InvariantCulture) > double.Parse(beforeHeight!, CultureInfo.InvariantCulture));
        Assert.Equal(impact.GetProperty("verdict").GetString(), await section.GetAttributeAsync("data-verdict"));
        Assert.Contains("KB-1010", await section.InnerTextAsync(), StringComparison.Ordinal);
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drilldown-impact-1280") });

        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#gap-detail[open]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var other = await OpenDrawerAsync(page, plain.GetProperty("id").GetString()!);
        Assert.Equal(0, await other.Locator(".impact-section").CountAsync());
        Assert.Empty(probe.Problems);
    }
}
