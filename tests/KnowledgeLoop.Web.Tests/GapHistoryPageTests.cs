namespace KnowledgeLoop.Web.Tests;

/// <summary>The drill-down drawer's History section (wwwroot/js/history.js) against GET /api/gaps/{id}/history.</summary>
[Collection(WebTestGroup.Name)]
public sealed class GapHistoryPageTests(WebFixture fixture)
{
    [Fact]
    public async Task DrillDown_AfterOneStoredRun_ShowsTheLineageAndOneHistoryRow()
    {
        var gap = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps")[0];
        var history = await fixture.GetJsonAsync($"/api/gaps/{gap.GetProperty("id").GetString()}/history");
        var runs = history.GetProperty("runs");
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        await page.Locator("#gap-rows tr").First.ClickAsync();
        var section = page.Locator("#gap-detail[open] [data-section=history]");
        await section.Locator(".history-table tbody tr").First.WaitForAsync();

        Assert.Equal(runs.GetArrayLength(), await section.Locator(".history-table tbody tr").CountAsync());
        var row = section.Locator(".history-table tbody tr").Last;
        Assert.Equal(runs[runs.GetArrayLength() - 1].GetProperty("run_id").GetString(), await row.GetAttributeAsync("data-run-id"));
        Assert.Contains(gap.GetProperty("failure_count").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await row.InnerTextAsync(), StringComparison.Ordinal);
        var status = gap.GetProperty("lineage").GetProperty("status").GetString();
        Assert.Equal(status, await section.Locator(".lineage").GetAttributeAsync("data-status"));
        Assert.Empty(probe.Problems);
    }
}
