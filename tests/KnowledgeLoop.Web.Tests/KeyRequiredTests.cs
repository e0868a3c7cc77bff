using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>
/// A second server, over the store as imported (no analysis yet), that wants the API key for reads too: the page says
/// so instead of breaking, loads once the key is typed, and explains that no analysis has run.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class KeyRequiredTests(WebFixture fixture)
{
    [Fact]
    public async Task Page_ReadsNeedAKey_AsksForItThenLoadsWithIt()
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
        Assert.Empty(scriptErrors);
    }
}
