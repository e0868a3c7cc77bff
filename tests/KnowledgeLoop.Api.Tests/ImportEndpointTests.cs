using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Tests;

public sealed class ImportEndpointTests : IDisposable
{
    private const string Header = "id,created_at,customer_id,subject,category,channel\n";
    private readonly KnowledgeLoopApiFactory _factory = new();
    private readonly HttpClient _client;

    public ImportEndpointTests() => _client = _factory.CreateKeyedClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private StoreCounts Counts()
    {
        using var store = KnowledgeStore.Open(_factory.StorePath);
        return store.Count();
    }

    private static string TicketRows(int first, int count) => string.Concat(Enumerable.Range(first, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"T-{i},2026-06-{1 + (i % 28):D2}T10:00:00Z,C-{i % 50},Subject {i},billing,email\n")));

    private static MultipartFormDataContent Upload(string fileName, string content, string part = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, part, fileName);
        return form;
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _client.PostAsync(Url(path), content);
    }

    [Fact]
    public async Task JsonBatch_GoodTickets_AreImportedAndReadable()
    {
        using var response = await PostJsonAsync("/api/tickets", """
            [{"id":"J-1","created_at":"2026-06-01T10:00:00Z","customer_id":"C-1","subject":"Bank feed stopped","linked_article_ids":"KB-1;KB-2","escalated":"yes"},
             {"id":"J-2","created_at":"2026-06-02","customer_id":"C-2","description":"Invoice email bounced","reopen_count":2}]
            """);
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("tickets", result.GetProperty("kind").GetString());
        Assert.Equal(2, result.GetProperty("accepted").GetInt64());
        Assert.Equal(0, result.GetProperty("rejected").GetInt64());
        using var ticket = await _client.GetAsync(Url("/api/tickets/J-1"));
        var body = await ApiAssert.JsonAsync(ticket, HttpStatusCode.OK);
        Assert.Equal("Bank feed stopped", body.GetProperty("subject").GetString());
        Assert.True(body.GetProperty("escalated").GetBoolean());
        Assert.Equal(["KB-1", "KB-2"], body.GetProperty("linked_article_ids").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task JsonBatch_ItemsEnvelope_IsAccepted()
    {
        using var response = await PostJsonAsync("/api/sessions", """{"items":[{"id":"S-1","customer_id":"C-1","started_at":"2026-06-01T09:00:00Z","query":"reset password"}]}""");
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("sessions", result.GetProperty("kind").GetString());
        Assert.Equal(1, result.GetProperty("accepted").GetInt64());
        Assert.Equal(1, Counts().Sessions);
    }

    [Fact]
    public async Task JsonBatch_BadRow_Returns400WithRowProblemsAndWritesNothing()
    {
        using var response = await PostJsonAsync("/api/tickets", """
            [{"id":"B-1","created_at":"2026-06-01","customer_id":"C-1","subject":"fine"},
             {"id":"B-2","created_at":"not a date","customer_id":"C-2","subject":"bad date"}]
            """);
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        var row = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, row.GetProperty("line").GetInt64());
        Assert.Equal("created_at", row.GetProperty("column").GetString());
        Assert.Equal("not a date", row.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("reason").GetString()));
        Assert.Equal(1, problem.GetProperty("rejected").GetInt64());
        Assert.Equal(0, Counts().Tickets);
    }

    [Fact]
    public async Task JsonBatch_BadRowWithAllowPartial_ImportsTheGoodRowsAndListsTheRejects()
    {
        using var response = await PostJsonAsync("/api/tickets?allowPartial=true", """
            [{"id":"P-1","created_at":"2026-06-01","customer_id":"C-1","subject":"fine"},
             {"id":"P-2","created_at":"2026-06-01","subject":"no customer"},
             {"id":"P-3","created_at":"2026-06-03","customer_id":"C-3","subject":"fine too"}]
            """);
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(2, result.GetProperty("accepted").GetInt64());
        Assert.Equal(1, result.GetProperty("rejected").GetInt64());
        var problem = Assert.Single(result.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Equal(2, Counts().Tickets);
    }

    [Theory]
    [InlineData("""{"id":"x"}""")]
    [InlineData("42")]
    [InlineData("[{\"id\":")]
    public async Task JsonBatch_NotAnArray_Returns400OnTheBody(string json)
    {
        using var response = await PostJsonAsync("/api/tickets", json);
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, "body"));
    }

    [Fact]
    public async Task JsonBatch_Empty_AcceptsNothing()
    {
        using var response = await PostJsonAsync("/api/tickets", "[]");
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(0, result.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Upload_CsvFile_IsImported()
    {
        using var form = Upload("tickets.csv", Header + TicketRows(1, 25));
        using var response = await _client.PostAsync(Url("/api/tickets"), form);
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(25, result.GetProperty("accepted").GetInt64());
        Assert.Equal(25, Counts().Tickets);
    }

    [Fact]
    public async Task Upload_BadRows_ReportFileLineColumnAndValue()
    {
        var csv = Header + TicketRows(1, 3) + "T-9,2026-13-45,C-1,Bad month,billing,email\n";
        using var form = Upload("../../etc/export.csv", csv);
        using var response = await _client.PostAsync(Url("/api/tickets"), form);
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        var row = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("export.csv", row.GetProperty("file").GetString());
        Assert.Equal(5, row.GetProperty("line").GetInt64());
        Assert.Equal("created_at", row.GetProperty("column").GetString());
        Assert.Equal("2026-13-45", row.GetProperty("value").GetString());
        Assert.Equal(0, Counts().Tickets);
    }

    [Fact]
    public async Task Upload_MarkdownArticle_IsImportedUnderItsName()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("---\ntitle: Reconnect a bank feed\n---\n# Reconnect\n\nOpen Banking, then Reconnect.\n"), "file", "kb-9001.md");
        using var response = await _client.PostAsync(Url("/api/articles"), form);
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("articles", result.GetProperty("kind").GetString());
        Assert.Equal(1, result.GetProperty("accepted").GetInt64());
        using var article = await _client.GetAsync(Url("/api/articles/kb-9001"));
        Assert.Equal("Reconnect a bank feed", (await ApiAssert.JsonAsync(article, HttpStatusCode.OK)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_WithPreset_MapsThePresetsFields()
    {
        const string zendesk = """{"tickets":[{"id":101,"created_at":"2026-06-01T10:00:00Z","requester_id":555,"subject":"Cannot log in","via":{"channel":"email"},"status":"solved"}]}""";
        using var form = Upload("zendesk-export.json", zendesk);
        using var response = await _client.PostAsync(Url("/api/tickets?format=zendesk"), form);
        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("accepted").GetInt64());
        using var ticket = await _client.GetAsync(Url("/api/tickets/101"));
        var body = await ApiAssert.JsonAsync(ticket, HttpStatusCode.OK);
        Assert.Equal("555", body.GetProperty("customer_id").GetString());
        Assert.Equal("email", body.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Upload_WithoutFilePart_Returns400NamingFile()
    {
        using var form = Upload("tickets.csv", Header, part: "attachment");
        using var response = await _client.PostAsync(Url("/api/tickets"), form);
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, "file"));
    }

    [Theory]
    [InlineData("format=excel", "format")]
    [InlineData("allowPartial=perhaps", "allowPartial")]
    public async Task Import_BadQuery_Returns400NamingTheField(string query, string field)
    {
        using var response = await PostJsonAsync($"/api/tickets?{query}", "[]");
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task Import_PlainText_Returns415Problem()
    {
        using var content = new StringContent("id,created_at\n", Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(Url("/api/tickets"), content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_EightInParallel_LeaveExactRowCounts()
    {
        const int uploads = 8;
        const int rowsEach = 400;

        var responses = await Task.WhenAll(Enumerable.Range(0, uploads).Select(async u =>
        {
            using var client = _factory.CreateKeyedClient();
            using var form = Upload($"part-{u}.csv", Header + TicketRows(u * rowsEach, rowsEach));
            using var response = await client.PostAsync(Url("/api/tickets"), form);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK, r.Body));
        Assert.All(responses, r => Assert.Equal(rowsEach, JsonDocument.Parse(r.Body).RootElement.GetProperty("accepted").GetInt64()));
        var counts = Counts();
        Assert.Equal(uploads * rowsEach, counts.Tickets);
        Assert.Equal(uploads, counts.Imports);
    }
}
