using System.Net;
using System.Text;

namespace KnowledgeLoop.Api.Tests;

public sealed class LimitTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Import_BodyOverTheLimit_Returns413Problem()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?> { ["KnowledgeLoop:Limits:MaxRequestBodyBytes"] = "2048" });
        using var client = factory.CreateKeyedClient();
        var json = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"id":"L-{{i}}","created_at":"2026-06-01","customer_id":"C","subject":"padding padding"}""")) + "]";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Url("/api/tickets"), content);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2,048", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MoreItemsThanTheBatchLimit_Returns413Problem()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?> { ["KnowledgeLoop:Limits:MaxBatchItems"] = "2" });
        using var client = factory.CreateKeyedClient();
        using var content = new StringContent(
            """[{"id":"1","created_at":"2026-06-01","customer_id":"C","subject":"a"},{"id":"2","created_at":"2026-06-01","customer_id":"C","subject":"b"},{"id":"3","created_at":"2026-06-01","customer_id":"C","subject":"c"}]""",
            Encoding.UTF8,
            "application/json");

        using var response = await client.PostAsync(Url("/api/tickets"), content);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("3 records", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_OverThePermitLimit_Returns429Problem()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?>
        {
            ["KnowledgeLoop:RateLimit:PermitLimit"] = "2",
            ["KnowledgeLoop:RateLimit:WindowSeconds"] = "60",
        });
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(Url("/api/similar?q=a"));
        using var second = await client.GetAsync(Url("/api/similar?q=b"));
        using var third = await client.GetAsync(Url("/api/similar?q=c"));

        // No analysis has run, so the permitted ones are 409; the third is refused before it is looked at.
        await ApiAssert.ProblemAsync(first, HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(second, HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(third, HttpStatusCode.TooManyRequests);
        using var other = await client.GetAsync(Url("/api/gaps"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
