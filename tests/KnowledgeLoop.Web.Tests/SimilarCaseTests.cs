using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The similar-case search box: what worked apart from what didn't, and ticket text that is markup stays text.</summary>
[Collection(WebTestGroup.Name)]
public sealed class SimilarCaseTests(WebFixture fixture)
{
    private static async Task SearchAsync(IPage page, string query)
    {
        await page.FillAsync("#similar-query", query);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.PressAsync("#similar-query", "Enter"),
            r => r.Url.Contains("/api/similar?", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        await page.WaitForSelectorAsync("#similar-results:not([hidden])");
    }

    [Fact]
    public async Task Search_PlantedTopic_ShowsWhatWorkedApartFromWhatFailed()
    {
        const string query = "our bank transactions show up twice after reconnecting the feed";
        var api = await fixture.GetJsonAsync("/api/similar?k=5&q=" + Uri.EscapeDataString(query));
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        await SearchAsync(page, query);

        var resolved = page.Locator("#similar-resolved li.case");
        var failed = page.Locator("#similar-failed li.case");
        Assert.True(api.GetProperty("resolved").GetArrayLength() > 0);
        Assert.True(api.GetProperty("failed").GetArrayLength() > 0);
        Assert.Equal(api.GetProperty("resolved").GetArrayLength(), await resolved.CountAsync());
        Assert.Equal(api.GetProperty("failed").GetArrayLength(), await failed.CountAsync());
        Assert.Equal(api.GetProperty("resolved")[0].GetProperty("id").GetString(), await resolved.First.GetAttributeAsync("data-ticket-id"));
        Assert.Equal(api.GetProperty("failed")[0].GetProperty("id").GetString(), await failed.First.GetAttributeAsync("data-ticket-id"));
        Assert.Equal("What resolved it", await resolved.First.Locator(".resolution .label").TextContentAsync());
        Assert.Equal(api.GetProperty("articles").GetArrayLength(), await page.Locator("#similar-articles li.article-item").CountAsync());
        Assert.True(await page.Locator("#similar-articles li.article-item").CountAsync() > 0);
        Assert.Empty(probe.Problems);
    }

    [Fact]
    public async Task Search_TicketTextWithScript_RendersAsTextAndRunsNothing()
    {
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        await SearchAsync(page, fixture.MarkupTicketQuery);

        var item = page.Locator($"li.case[data-ticket-id='{fixture.MarkupTicketId}']");
        Assert.Equal(1, await item.CountAsync());
        var text = await item.InnerTextAsync();
        Assert.Contains("<script>window.__xss=1</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__xss=2\">", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#similar-results script, #similar-results img, main img").CountAsync());
        await page.WaitForTimeoutAsync(100);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        await item.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("markup-as-text-1280") });
        Assert.Empty(probe.Problems);
    }

    [Fact]
    public async Task RunAnalysis_WithoutTheKey_AsksForIt()
    {
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#run-analysis"),
            r => r.Url.EndsWith("/api/analyses", StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        var alert = page.Locator("#alerts [data-alert='key']");
        await alert.WaitForAsync();
        Assert.Contains("API key", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#api-key").GetAttributeAsync("aria-invalid"));
        Assert.Contains("succeeded", await page.Locator("#status-dot").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
    }
}
