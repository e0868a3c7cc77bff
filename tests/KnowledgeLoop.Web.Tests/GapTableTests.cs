using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The ranked gap table against the API and the generator's ground truth, its type filter and the drill-down.</summary>
[Collection(WebTestGroup.Name)]
public sealed class GapTableTests(WebFixture fixture)
{
    private static readonly string[] GapTypes = ["missing", "ineffective", "outdated", "findability", "process", "duplicate"];

    [Fact]
    public async Task GapTable_AfterAnalysis_ShowsEveryGapOfTheApiInRankOrder()
    {
        var gaps = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps").EnumerateArray().ToList();
        await using var probe = await PageProbe.OpenAsync(fixture);
        var rows = probe.Page.Locator("#gap-rows tr");

        Assert.NotEmpty(gaps);
        Assert.Equal(gaps.Count, await rows.CountAsync());
        for (var i = 0; i < gaps.Count; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal(gaps[i].GetProperty("id").GetString(), await row.GetAttributeAsync("data-gap-id"));
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("td.rank").InnerTextAsync());
            Assert.Equal(gaps[i].GetProperty("title").GetString(), await row.Locator(".gap-title").InnerTextAsync());
            Assert.Equal(gaps[i].GetProperty("type").GetString(), await row.Locator(".type-cell .badge").First.InnerTextAsync());
            Assert.Equal(gaps[i].GetProperty("emerging").GetBoolean() ? 1 : 0, await row.Locator(".badge.emerging").CountAsync());
        }
    }

    [Fact]
    public async Task GapTable_DemoData_TopRowsAreThePlantedMissingTopics()
    {
        var gaps = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps").EnumerateArray().ToList();
        var topicOf = fixture.TicketTopics();
        var roles = fixture.PlantedRoles();
        await using var probe = await PageProbe.OpenAsync(fixture);

        // The gap each planted "missing" topic became: the one most of whose failed tickets were written from it.
        string DominantTopic(JsonElement gap) => gap.GetProperty("failure_ticket_ids").EnumerateArray()
            .GroupBy(id => topicOf.GetValueOrDefault(id.GetString()!, "?"))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var planted = roles.Where(r => r.Value == "missing").Select(r => r.Key).ToList();
        Assert.NotEmpty(planted);
        var summary = string.Join("; ", gaps.Select(g => $"{g.GetProperty("rank").GetInt32()} {g.GetProperty("type").GetString()} {DominantTopic(g)}"));
        foreach (var topic in planted)
        {
            var gap = gaps.Where(g => DominantTopic(g) == topic).OrderBy(g => g.GetProperty("rank").GetInt32()).FirstOrDefault();
            Assert.True(gap.ValueKind == JsonValueKind.Object, $"no gap for the planted missing topic {topic}");
            var row = probe.Page.Locator($"#gap-rows tr[data-gap-id='{gap.GetProperty("id").GetString()}']");
            var type = await row.Locator(".type-cell .badge").First.InnerTextAsync();
            var rank = int.Parse(await row.Locator("td.rank").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(type == "missing" && rank <= 5, $"{topic}: shown as {type} at rank {rank}; gaps: {summary}");
        }

        var topTypes = await probe.Page.Locator("#gap-rows tr .type-cell .badge:first-child").AllInnerTextsAsync();
        Assert.True(topTypes.Take(5).Count(t => t == "missing") >= planted.Count, string.Join(", ", topTypes));
    }

    [Fact]
    public async Task TypeBadges_EachGapType_HasItsOwnColour()
    {
        await using var probe = await PageProbe.OpenAsync(fixture);

        var colours = await probe.Page.EvaluateAsync<string[]>(
            """
            types => types.map(type => {
              const badge = document.createElement('span');
              badge.className = `badge type-${type}`;
              document.body.append(badge);
              const colour = getComputedStyle(badge).color + '|' + getComputedStyle(badge).backgroundColor;
              badge.remove();
              return colour;
            })
            """, GapTypes);

        Assert.Equal(GapTypes.Length, colours.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TypeFilter_Missing_ShowsOnlyTheApisMissingGaps()
    {
        var missing = (await fixture.GetJsonAsync("/api/gaps?type=missing")).GetProperty("gaps").GetArrayLength();
        await using var probe = await PageProbe.OpenAsync(fixture);

        await probe.Page.SelectOptionAsync("#type-filter", "missing");

        var types = await probe.Page.Locator("#gap-rows tr .type-cell .badge:first-child").AllInnerTextsAsync();
        Assert.True(missing > 0);
        Assert.Equal(missing, types.Count);
        Assert.All(types, t => Assert.Equal("missing", t));

        await probe.Page.SelectOptionAsync("#type-filter", string.Empty);
        Assert.Equal((await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps").GetArrayLength(), await probe.Page.Locator("#gap-rows tr").CountAsync());
    }

    [Fact]
    public async Task DrillDown_EnterOnARow_OpensTheReasonEvidenceAndArticles()
    {
        var gap = (await fixture.GetJsonAsync("/api/gaps")).GetProperty("gaps")[0];
        await using var probe = await PageProbe.OpenAsync(fixture);
        var page = probe.Page;

        var row = page.Locator("#gap-rows tr").First;
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var drawer = page.Locator("#gap-detail[open]");
        await drawer.WaitForAsync();

        Assert.Equal(gap.GetProperty("title").GetString(), await drawer.Locator("#detail-title").InnerTextAsync());
        Assert.Equal(gap.GetProperty("reason").GetString(), await drawer.Locator(".reason").InnerTextAsync());
        var evidence = gap.GetProperty("evidence");
        Assert.True(evidence.GetArrayLength() > 0);
        Assert.Equal(evidence.GetArrayLength(), await drawer.Locator(".evidence-item").CountAsync());
        var first = drawer.Locator(".evidence-item").First;
        Assert.Equal(evidence[0].GetProperty("subject").GetString(), await first.Locator(".case-subject").InnerTextAsync());
        if (evidence[0].GetProperty("failure_reasons").GetArrayLength() > 0)
        {
            Assert.True(await first.Locator(".reasons .chip").CountAsync() > 0);
        }

        var articles = gap.GetProperty("top_articles");
        Assert.Equal(articles.GetArrayLength(), await drawer.Locator(".detail-article").CountAsync());
        Assert.Contains(articles[0].GetProperty("similarity").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            await drawer.Locator(".detail-article").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await drawer.Locator("svg.spark").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drilldown-open-1280") });

        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#gap-detail[open]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(gap.GetProperty("id").GetString(), await page.EvaluateAsync<string>("() => document.activeElement?.dataset?.gapId"));
        Assert.Empty(probe.Problems);
    }
}
