using System.Globalization;
using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The gap drawer's "Next issues" section (js/nextIssues.js) against the API's next_issues.</summary>
[Collection(WebTestGroup.Name)]
public sealed class NextIssueDrawerTests(WebFixture fixture)
{
    [Fact]
    public async Task Drawer_NextIssues_ListsTheApisPathsAndALinkOpensThatGap()
    {
        var gaps = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps").EnumerateArray().ToList();
        var source = gaps.FirstOrDefault(g => g.GetProperty("next_issues").EnumerateArray().Any(n => n.GetProperty("gap_id").ValueKind == System.Text.Json.JsonValueKind.String));
        Assert.True(source.ValueKind == System.Text.Json.JsonValueKind.Object, "no gap has a next issue in another gap");
        var next = source.GetProperty("next_issues").EnumerateArray().ToList();
        var target = next.First(n => n.GetProperty("gap_id").ValueKind == System.Text.Json.JsonValueKind.String);
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        await page.Locator($"#gap-rows tr[data-gap-id='{source.GetProperty("id").GetString()}']").ClickAsync();
        var drawer = page.Locator("#gap-detail[open]");
        await drawer.WaitForAsync();
        var items = drawer.Locator(".next-issues .next-issue");

        Assert.Equal(next.Count, await items.CountAsync());
        Assert.Equal(next.Select(n => n.GetProperty("title").GetString()), await drawer.Locator(".next-issues .next-issue > :first-child").AllInnerTextsAsync());
        Assert.Contains(
            $"{target.GetProperty("tickets").GetInt32()} ticket",
            await drawer.Locator($".next-issue[data-target-gap-id='{target.GetProperty("gap_id").GetString()}']").InnerTextAsync(),
            StringComparison.Ordinal);
        var related = source.GetProperty("related_nia");
        var numbers = string.Create(CultureInfo.InvariantCulture, $"({related.GetProperty("numerator").GetInt64():#,0}/{related.GetProperty("denominator").GetInt64():#,0})");
        Assert.Contains("Related NIA ", await drawer.Locator(".next-issues").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(numbers, await drawer.Locator(".next-issues").InnerTextAsync(), StringComparison.Ordinal);

        await drawer.Locator($".next-issue[data-target-gap-id='{target.GetProperty("gap_id").GetString()}'] a").ClickAsync();
        await page.Locator($"#gap-detail[open][data-gap-id='{target.GetProperty("gap_id").GetString()}']").WaitForAsync();

        Assert.Equal(target.GetProperty("title").GetString(), await page.Locator("#detail-title").InnerTextAsync());
        Assert.Empty(probe.Problems);
    }
}
