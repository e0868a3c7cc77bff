using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The page as a whole: it loads cleanly, is served with the security headers, and fits a phone and a desktop.</summary>
[Collection(WebTestGroup.Name)]
public sealed class WebPageTests(WebFixture fixture)
{
    private const double PercentTolerance = 0.051;

    [Fact]
    public async Task Page_Loads_WithoutConsoleErrorsOrFailedRequests()
    {
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        Assert.Equal("KnowledgeLoop · Knowledge gaps and FCR", await page.TitleAsync());
        Assert.Equal(6, await page.Locator("#tiles .tile").CountAsync());
        Assert.True(await page.Locator("#gap-rows tr").CountAsync() > 0);
        Assert.Equal(1, await page.Locator("#trend-chart svg polyline.chart-line").CountAsync());
        Assert.Contains("succeeded", await page.Locator("#status-dot").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Empty(probe.Problems);
    }

    [Fact]
    public async Task MetricTiles_AllTickets_ShowTheApisRatesWithIntervalsAndCounts()
    {
        var metrics = (await fixture.GetJsonAsync("/api/metrics")).GetProperty("metrics");
        await using var probe = await PageProbe.OpenAsync(fixture);

        foreach (var name in new[] { "fcr", "reopen_rate", "escalation_rate", "first_tier_resolution_rate", "deflection_rate", "nia_rate" })
        {
            var rate = metrics.GetProperty(name);
            var tile = probe.Page.Locator($".tile[data-metric='{name}']");
            var shown = double.Parse((await tile.Locator(".tile-value").InnerTextAsync()).TrimEnd('%'), CultureInfo.InvariantCulture);
            Assert.InRange(shown, rate.GetProperty("rate").GetDouble() * 100 - PercentTolerance, rate.GetProperty("rate").GetDouble() * 100 + PercentTolerance);
            Assert.Contains("95% CI", await tile.Locator(".tile-ci").InnerTextAsync(), StringComparison.Ordinal);
            var counts = await tile.Locator(".tile-count").InnerTextAsync();
            Assert.Contains(rate.GetProperty("numerator").GetInt64().ToString("N0", CultureInfo.InvariantCulture), counts, StringComparison.Ordinal);
            Assert.Contains(rate.GetProperty("denominator").GetInt64().ToString("N0", CultureInfo.InvariantCulture), counts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SegmentFilter_ChannelEmail_RefetchesTheSegmentsMetrics()
    {
        var segment = (await fixture.GetJsonAsync("/api/metrics?segment=channel%3Aemail")).GetProperty("metrics").GetProperty("fcr").GetProperty("rate").GetDouble();
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        await page.SelectOptionAsync("#segment-dimension", "channel");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.SelectOptionAsync("#segment-value", "email"),
            r => r.Url.Contains("/api/metrics?segment=channel%3Aemail", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        await page.WaitForSelectorAsync("#tiles[aria-busy='false'] .tile-delta");

        var shown = double.Parse((await page.Locator(".tile[data-metric='fcr'] .tile-value").InnerTextAsync()).TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.InRange(shown, segment * 100 - PercentTolerance, segment * 100 + PercentTolerance);
        Assert.Contains("Channel: email", await page.Locator("#segment-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(probe.Problems);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    public async Task StaticFiles_Served_CarryTheSecurityHeaders(string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(' ', response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task PageHtml_AsServed_HasNoInlineScriptStyleOrRemoteAsset()
    {
        var html = await fixture.Http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("<script type=\"module\" src=\"app.js\"></script>", html);
        Assert.DoesNotMatch("<script[^>]*>[^<]+</script>", html);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app.js")]
    [InlineData("/js/dom.js")]
    [InlineData("/js/charts.js")]
    [InlineData("/js/api.js")]
    [InlineData("/js/format.js")]
    [InlineData("/js/impact.js")]
    public async Task Scripts_AsServed_NeverTurnDataIntoMarkupOrInlineStyle(string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        foreach (var sink in new[] { ".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", ".style.", "setAttribute('style'", "cssText", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task Layout_FitsTheViewport_WithoutHorizontalOverflow(int width, int height)
    {
        await using var probe = await PageProbe.OpenAsync(fixture, width, height);
        var page = probe.Page;
        await page.FillAsync("#similar-query", fixture.MarkupTicketQuery);
        await page.PressAsync("#similar-query", "Enter");
        await page.WaitForSelectorAsync("#similar-results:not([hidden])");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.body.scrollWidth]");
        Assert.True(widths[0] <= widths[1], $"document scrollWidth {widths[0]} > clientWidth {widths[1]} at {width}px");
        Assert.True(widths[2] <= widths[1], $"body scrollWidth {widths[2]} > clientWidth {widths[1]} at {width}px");
        var overflowing = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('main *, header *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
              .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className}`)
            """);
        Assert.Empty(overflowing);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"page-{width}"), FullPage = true });

        await page.Locator(".gap-row").First.ClickAsync();
        var drawer = await page.WaitForSelectorAsync("#gap-detail[open]");
        var box = await drawer!.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"drawer {box.X}+{box.Width} outside {width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"drilldown-{width}") });
        Assert.Empty(probe.Problems);
    }
}
