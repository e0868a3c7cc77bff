using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>
/// A second server, over the store as imported (no analysis yet), that wants the API key for reads too: the page says
/// so instead of breaking, loads once the key is typed, explains that no analysis has run, and runs the first one.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class KeyRequiredTests(WebFixture fixture)
{
    [Fact]
    public async Task Page_ReadsNeedAKey_AsksForItThenLoadsAndRunsTheFirstAnalysis()
    {
        await using var server = new WebServerFactory(fixture.UnanalysedStorePath, WebFixture.ApiKey, requireKeyForReads: true);
        server.StartServer();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        var alert = page.Locator("#alerts [data-alert='key']");
        Assert.Contains("API key", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#api-key").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("#tiles .tile").CountAsync());
        Assert.Equal("The gaps need the API key.", await page.Locator("#gaps-empty").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("key-required-1280") });

        await page.FillAsync("#api-key", WebFixture.ApiKey);
        await page.PressAsync("#api-key", "Enter");
        await page.Locator("#tiles .tile").First.WaitForAsync();

        Assert.Equal(6, await page.Locator("#tiles .tile").CountAsync());
        Assert.Equal(0, await alert.CountAsync());
        await page.Locator("#gaps-empty:not([hidden])").WaitForAsync();
        Assert.Contains("No analysis has run yet", await page.Locator("#gaps-empty").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No analysis has run yet", await page.Locator("#analysis-status").InnerTextAsync(), StringComparison.Ordinal);

        // The first analysis, started from the page with the key: the status follows it and the table fills in.
        await page.ClickAsync("#run-analysis");
        await page.Locator("#status-dot.queued, #status-dot.running").WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
        Assert.True(await page.Locator("#run-analysis").IsDisabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("analysis-running-1280"), Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 240 } });
        await page.Locator("#status-dot.succeeded").WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        await page.Locator("#gap-rows tr").First.WaitForAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/api/gaps"));
        request.Headers.Add("X-Api-Key", WebFixture.ApiKey);
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        using var gaps = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(gaps.RootElement.GetProperty("gaps").GetArrayLength(), await page.Locator("#gap-rows tr").CountAsync());
        Assert.Contains("finished", await page.Locator("#analysis-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#run-analysis").IsEnabledAsync());
        Assert.Empty(scriptErrors);
    }
}
