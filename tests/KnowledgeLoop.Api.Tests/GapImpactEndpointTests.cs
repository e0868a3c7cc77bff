using System.Net;
using System.Text.Json;

namespace KnowledgeLoop.Api.Tests;

[Collection(AnalyzedServiceGroup.Name)]
public sealed class GapImpactEndpointTests(AnalyzedServiceFixture fixture)
{
    private static readonly string[] Verdicts = ["improved", "worsened", "no_change", "too_early"];

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task GetImpact_EveryGap_IsTheReportsImpactAndNullWhenNoArticleEvent()
    {
        using var list = await fixture.Client.GetAsync(Url("/api/gaps"));
        var gaps = (await ApiAssert.JsonAsync(list, HttpStatusCode.OK)).GetProperty("gaps").EnumerateArray().ToList();
        var withImpact = 0;
        foreach (var gap in gaps)
        {
            var id = gap.GetProperty("id").GetString()!;
            using var response = await fixture.Client.GetAsync(Url($"/api/gaps/{id}/impact"));
            var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

            Assert.Equal(fixture.AnalysisId, body.GetProperty("analysis_id").GetString());
            Assert.Equal(id, body.GetProperty("gap_id").GetString());
            Assert.Equal(gap.GetProperty("impact").GetRawText(), body.GetProperty("impact").GetRawText());
            if (body.GetProperty("impact").ValueKind == JsonValueKind.Object)
            {
                withImpact++;
                Assert.Equal(JsonValueKind.Null, body.GetProperty("note").ValueKind);
                Assert.Contains(body.GetProperty("impact").GetProperty("verdict").GetString(), Verdicts);
            }
            else
            {
                Assert.Contains("No article", body.GetProperty("note").GetString(), StringComparison.Ordinal);
            }
        }

        // The generator publishes the Shopify article (KB-1010) mid-period: its gap has an impact.
        Assert.True(withImpact >= 1, "no gap has an impact");
        Assert.Contains(gaps, g => g.GetProperty("impact").ValueKind == JsonValueKind.Object && g.GetProperty("impact").GetProperty("article_id").GetString() == "KB-1010");
    }

    [Fact]
    public async Task GetImpact_UnknownGap_Returns404Problem()
    {
        using var response = await fixture.Client.GetAsync(Url("/api/gaps/gap-does-not-exist/impact"));

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("gap-does-not-exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
