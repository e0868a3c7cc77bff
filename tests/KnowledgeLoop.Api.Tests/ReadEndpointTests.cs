using System.Net;
using System.Text.Json;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Tests;

[Collection(AnalyzedServiceGroup.Name)]
public sealed class ReadEndpointTests(AnalyzedServiceFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(Url(path));
        return await ApiAssert.JsonAsync(response, expected);
    }

    private async Task<JsonElement> GetProblemAsync(string path, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync(Url(path));
        return await ApiAssert.ProblemAsync(response, expected);
    }

    [Fact]
    public void Analysis_OnGeneratedData_SucceededWithGaps()
    {
        var status = fixture.AnalysisStatus;
        Assert.Equal(100, status.GetProperty("percent").GetDouble());
        Assert.Equal(42, status.GetProperty("seed").GetInt32());
        Assert.True(status.GetProperty("gap_count").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
        Assert.True(status.GetProperty("finished_at").GetDateTimeOffset() >= status.GetProperty("started_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Ready_AfterAnalysis_IsReadyWithFittedModel()
    {
        var ready = await GetJsonAsync("/health/ready");

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("store").GetString());
        Assert.Equal("fitted", ready.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Gaps_AfterAnalysis_AreTheReportsGapsInRankOrder()
    {
        var list = await GetJsonAsync("/api/gaps");
        var report = await GetJsonAsync($"/api/analyses/{fixture.AnalysisId}/report");

        Assert.Equal(fixture.AnalysisId, list.GetProperty("analysis_id").GetString());
        var gaps = list.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(fixture.AnalysisStatus.GetProperty("gap_count").GetInt32(), gaps.Count);
        Assert.Equal(gaps.Select((_, i) => i + 1), gaps.Select(g => g.GetProperty("rank").GetInt32()));
        Assert.Equal(
            report.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("id").GetString()),
            gaps.Select(g => g.GetProperty("id").GetString()));
        Assert.All(gaps, g => Assert.False(string.IsNullOrEmpty(g.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Gaps_FilteredByType_HoldOnlyThatType()
    {
        var all = (await GetJsonAsync("/api/gaps")).GetProperty("gaps").EnumerateArray().ToList();
        var type = all[0].GetProperty("type").GetString()!;

        var filtered = (await GetJsonAsync($"/api/gaps?type={type}")).GetProperty("gaps").EnumerateArray().ToList();

        Assert.NotEmpty(filtered);
        Assert.All(filtered, g => Assert.Equal(type, g.GetProperty("type").GetString()));
        Assert.Equal(all.Count(g => g.GetProperty("type").GetString() == type), filtered.Count);
    }

    [Fact]
    public async Task Gaps_UnknownType_Returns400NamingTheField()
    {
        var problem = await GetProblemAsync("/api/gaps?type=nonsense", HttpStatusCode.BadRequest);

        Assert.Contains("missing", ApiAssert.FieldErrors(problem, "type")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_ById_HasEvidenceArticlesAndReason()
    {
        var first = (await GetJsonAsync("/api/gaps")).GetProperty("gaps")[0];
        var id = first.GetProperty("id").GetString()!;

        var detail = await GetJsonAsync($"/api/gaps/{id}");

        Assert.Equal(fixture.AnalysisId, detail.GetProperty("analysis_id").GetString());
        var gap = detail.GetProperty("gap");
        Assert.Equal(id, gap.GetProperty("id").GetString());
        Assert.NotEmpty(gap.GetProperty("evidence").EnumerateArray());
        Assert.True(gap.TryGetProperty("top_articles", out var articles) && articles.ValueKind == JsonValueKind.Array);
        Assert.False(string.IsNullOrEmpty(gap.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Gap_UnknownId_Returns404Problem()
    {
        var problem = await GetProblemAsync("/api/gaps/gap-does-not-exist", HttpStatusCode.NotFound);

        Assert.Contains("gap-does-not-exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Json_IsTheStoredReportDocument()
    {
        using var response = await Client.GetAsync(Url($"/api/analyses/{fixture.AnalysisId}/report"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = ReportJson.Deserialize(text);
        Assert.Equal(fixture.Data.Tickets, report.Counts.Tickets);
        Assert.NotNull(report.Gaps);
        Assert.Equal(ReportJson.Serialize(report), text);
        Assert.Equal("embedded", report.Ai?.VectorStore);
        Assert.Null(report.Ai?.EmbeddingModel);
    }

    [Theory]
    [InlineData("md", "text/markdown", "# ")]
    [InlineData("html", "text/html", "<!DOCTYPE html>")]
    [InlineData("csv", "text/csv", "rank,")]
    public async Task Report_OtherFormats_HaveTheirContentTypes(string format, string mediaType, string start)
    {
        using var response = await Client.GetAsync(Url($"/api/analyses/{fixture.AnalysisId}/report?format={format}"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(start, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Report_UnknownFormat_Returns400()
    {
        var problem = await GetProblemAsync($"/api/analyses/{fixture.AnalysisId}/report?format=pdf", HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, "format"));
    }

    [Fact]
    public async Task Report_UnknownAnalysis_Returns404()
    {
        await GetProblemAsync("/api/analyses/a-nope/report", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Analyses_ListAndLatest_ShowTheAnalysis()
    {
        var list = (await GetJsonAsync("/api/analyses")).EnumerateArray().ToList();
        var latest = await GetJsonAsync("/api/analyses/latest");

        Assert.Contains(list, a => a.GetProperty("id").GetString() == fixture.AnalysisId);
        Assert.Equal(list[0].GetProperty("id").GetString(), latest.GetProperty("id").GetString());
        var created = list.Select(a => a.GetProperty("created_at").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Fact]
    public async Task Metrics_Overall_CountAllTicketsWithSegmentsAndWeeklyTrend()
    {
        var metrics = await GetJsonAsync("/api/metrics");

        Assert.Equal(fixture.Data.Tickets, metrics.GetProperty("counts").GetProperty("tickets").GetInt64());
        Assert.InRange(metrics.GetProperty("metrics").GetProperty("fcr").GetProperty("rate").GetDouble(), 0, 1);
        Assert.NotEmpty(metrics.GetProperty("segments").GetProperty("week").EnumerateArray());
        Assert.False(metrics.TryGetProperty("gaps", out _));
        Assert.True(metrics.TryGetProperty("diagnostics", out _));
    }

    [Fact]
    public async Task Metrics_OneSegment_CountOnlyThatSegmentsTickets()
    {
        var overall = await GetJsonAsync("/api/metrics");
        var email = overall.GetProperty("segments").GetProperty("channel").EnumerateArray().First(s => s.GetProperty("key").GetString() == "email");

        var segment = await GetJsonAsync("/api/metrics?segment=channel:email");

        Assert.Equal(email.GetProperty("tickets").GetInt64(), segment.GetProperty("counts").GetProperty("tickets").GetInt64());
        var channels = segment.GetProperty("segments").GetProperty("channel").EnumerateArray().ToList();
        Assert.Equal("email", Assert.Single(channels).GetProperty("key").GetString());
    }

    [Fact]
    public async Task Metrics_Period_CountsOnlyTicketsCreatedInIt()
    {
        var overall = await GetJsonAsync("/api/metrics");
        var months = overall.GetProperty("segments").GetProperty("month").EnumerateArray().ToList();
        var june = months.First(m => m.GetProperty("key").GetString() == "2026-06");

        var period = await GetJsonAsync("/api/metrics?from=2026-06-01&to=2026-06-30");

        Assert.Equal(june.GetProperty("tickets").GetInt64(), period.GetProperty("counts").GetProperty("tickets").GetInt64());
    }

    [Theory]
    [InlineData("segment=channel", "segment")]
    [InlineData("segment=colour:blue", "segment")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-07-01&to=2026-06-01", "to")]
    public async Task Metrics_BadQuery_Returns400NamingTheField(string query, string field)
    {
        var problem = await GetProblemAsync($"/api/metrics?{query}", HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task Similar_Query_SplitsResolvedFromFailedWithArticles()
    {
        var result = await GetJsonAsync("/api/similar?q=bank%20feed%20shows%20every%20transaction%20twice&k=5");

        Assert.Equal("bank feed shows every transaction twice", result.GetProperty("query").GetString());
        var resolved = result.GetProperty("resolved").EnumerateArray().ToList();
        var failed = result.GetProperty("failed").EnumerateArray().ToList();
        Assert.InRange(resolved.Count, 1, 5);
        Assert.InRange(failed.Count, 1, 5);
        Assert.All(resolved, c => Assert.Equal("resolved_first_contact", c.GetProperty("outcome").GetString()));
        Assert.All(failed, c => Assert.Equal("failed", c.GetProperty("outcome").GetString()));
        var similarities = resolved.Select(c => c.GetProperty("similarity").GetDouble()).ToList();
        Assert.Equal(similarities.OrderDescending(), similarities);
        Assert.All(resolved.Concat(failed), c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString()));
            var excerpt = c.GetProperty("excerpt").GetString();
            Assert.False(string.IsNullOrEmpty(excerpt));
            Assert.InRange(excerpt.Length, 1, 240);
            Assert.DoesNotContain("  ", excerpt, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', excerpt);
            Assert.Equal(JsonValueKind.Array, c.GetProperty("linked_articles").ValueKind);
        });
        Assert.Contains("bank", resolved[0].GetProperty("subject").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(result.GetProperty("articles").EnumerateArray());
    }

    [Fact]
    public async Task Similar_OutcomeFilter_LeavesTheOtherListEmpty()
    {
        var resolvedOnly = await GetJsonAsync("/api/similar?q=reset%20two%20factor&outcome=resolved_first_contact");
        var failedOnly = await GetJsonAsync("/api/similar?q=reset%20two%20factor&outcome=failed");

        Assert.NotEmpty(resolvedOnly.GetProperty("resolved").EnumerateArray());
        Assert.Empty(resolvedOnly.GetProperty("failed").EnumerateArray());
        Assert.Empty(failedOnly.GetProperty("resolved").EnumerateArray());
        Assert.NotEmpty(failedOnly.GetProperty("failed").EnumerateArray());
    }

    [Fact]
    public async Task Similar_CategoryFilter_ReturnsOnlyThatCategory()
    {
        var result = await GetJsonAsync("/api/similar?q=invoice%20email%20not%20received&k=10&category=billing");

        var cases = result.GetProperty("resolved").EnumerateArray().Concat(result.GetProperty("failed").EnumerateArray()).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal("billing", c.GetProperty("category").GetString()));
    }

    [Theory]
    [InlineData("/api/similar", "q")]
    [InlineData("/api/similar?q=%20%20", "q")]
    [InlineData("/api/similar?q=x&k=0", "k")]
    [InlineData("/api/similar?q=x&k=51", "k")]
    [InlineData("/api/similar?q=x&k=five", "k")]
    [InlineData("/api/similar?q=x&outcome=maybe", "outcome")]
    public async Task Similar_BadQuery_Returns400NamingTheField(string path, string field)
    {
        var problem = await GetProblemAsync(path, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task Ticket_ById_ReturnsTheTicket()
    {
        var id = File.ReadLines(fixture.Data.TicketsPath).Skip(1).First().Split(',')[0];

        var ticket = await GetJsonAsync($"/api/tickets/{id}");

        Assert.Equal(id, ticket.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(ticket.GetProperty("customer_id").GetString()));
        Assert.True(ticket.TryGetProperty("linked_article_ids", out _));
        Assert.True(ticket.TryGetProperty("reopen_count", out _));
    }

    [Fact]
    public async Task Ticket_UnknownId_Returns404Problem()
    {
        await GetProblemAsync("/api/tickets/no-such-ticket", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Articles_Paged_ReturnTotalAndPage()
    {
        var page = await GetJsonAsync("/api/articles?offset=5&limit=10");
        var all = await GetJsonAsync("/api/articles?limit=500");

        Assert.Equal(fixture.Data.Articles, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal(all.GetProperty("items").EnumerateArray().Skip(5).Take(10).Select(a => a.GetProperty("id").GetString()), items);
    }

    [Fact]
    public async Task Article_ById_HasBody_AndUnknownIs404()
    {
        var first = (await GetJsonAsync("/api/articles?limit=1")).GetProperty("items")[0].GetProperty("id").GetString()!;

        var article = await GetJsonAsync($"/api/articles/{first}");
        await GetProblemAsync("/api/articles/KB-0000", HttpStatusCode.NotFound);

        Assert.False(string.IsNullOrEmpty(article.GetProperty("body").GetString()));
        Assert.False(string.IsNullOrEmpty(article.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    public async Task Articles_BadPaging_Returns400(string query, string field)
    {
        var problem = await GetProblemAsync($"/api/articles?{query}", HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryEndpoint()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/health", "/health/ready", "/api/tickets", "/api/tickets/{id}", "/api/articles", "/api/articles/{id}", "/api/sessions", "/api/analyses", "/api/analyses/latest", "/api/analyses/{id}", "/api/analyses/{id}/report", "/api/metrics", "/api/gaps", "/api/gaps/{id}", "/api/similar" })
        {
            Assert.True(paths.Contains(path) || paths.Contains(path + "/"), $"{path} not in {string.Join(", ", paths)}");
        }
    }
}
