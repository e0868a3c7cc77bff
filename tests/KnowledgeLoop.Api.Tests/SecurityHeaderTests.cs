using System.Net;

namespace KnowledgeLoop.Api.Tests;

public sealed class SecurityHeaderTests(KnowledgeLoopApiFactory factory) : IClassFixture<KnowledgeLoopApiFactory>
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [Theory]
    [InlineData("GET", "/health", HttpStatusCode.OK)]
    [InlineData("GET", "/api/gaps", HttpStatusCode.OK)]
    [InlineData("GET", "/api/tickets/none", HttpStatusCode.NotFound)]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/tickets", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/similar?q=x", HttpStatusCode.Conflict)]
    public async Task Responses_OfEveryKind_CarryTheSecurityHeaders(string method, string path, HttpStatusCode status)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Ready_OnAnEmptyStore_Returns503SayingNoModel()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("no fitted model", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyStore_HasNoGapsNoLatestAnalysisAndNoSimilarSearch()
    {
        using var client = factory.CreateClient();

        using var gaps = await client.GetAsync(new Uri("/api/gaps", UriKind.Relative));
        using var latest = await client.GetAsync(new Uri("/api/analyses/latest", UriKind.Relative));
        using var similar = await client.GetAsync(new Uri("/api/similar?q=anything", UriKind.Relative));

        var body = await ApiAssert.JsonAsync(gaps, HttpStatusCode.OK);
        Assert.Empty(body.GetProperty("gaps").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("analysis_id").ValueKind);
        await ApiAssert.ProblemAsync(latest, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(similar, HttpStatusCode.Conflict);
    }
}
