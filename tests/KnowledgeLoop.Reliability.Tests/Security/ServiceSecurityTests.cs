using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Reliability.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Reliability.Tests.Security;

/// <summary>
/// The security review as tests, for what the API tests don't already cover: keys never reach the logs, upload file
/// names can't leave the spool folder, multipart uploads are size-limited, the page itself carries CSP and nosniff,
/// and no text leaves the machine unless configured to (and is redacted when it does).
/// </summary>
public sealed class ServiceSecurityTests
{
    private const string WrongKey = "wrong-key-7e1f0c33aa";
    private const string RemoteAiKey = "sk-remote-4b9d2e71f0";
    private const string Csv = "id,created_at,customer_id,subject\nP-1,2026-06-01T10:00:00Z,C-1,Reset link expired\nP-2,2026-06-02,C-2,Invoice bounced\n";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Logs_AtTraceLevel_NeverHoldTheApiKeyOrAWrongOne()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["KnowledgeLoop:OpenAi:ApiKey"] = RemoteAiKey });
        using var keyed = factory.CreateKeyedClient();
        using var anonymous = factory.CreateClient();

        using (var upload = Upload("tickets.csv", Csv))
        using (var response = await keyed.PostAsync(Url("/api/tickets"), upload))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var bad = new StringContent("[{\"id\":\"\"}]", Encoding.UTF8, "application/json"))
        using (var response = await keyed.PostAsync(Url("/api/tickets"), bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/analyses")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("X-Api-Key", WrongKey);
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // Keys travel only in the X-Api-Key header (a query string is logged by ASP.NET's request log at Information).
        using (var response = await keyed.GetAsync(Url("/api/tickets/P-1")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var logs = factory.Logs.Entries.ToList();
        Assert.True(logs.Count > 10, $"only {logs.Count} log entries were captured: the capture is not working");
        foreach (var secret in new[] { ServiceFactory.ApiKey, WrongKey, RemoteAiKey })
        {
            var leak = logs.FirstOrDefault(e => e.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"a log entry holds a key: {leak}");
        }
    }

    [Theory]
    [InlineData("../{0}.csv")]
    [InlineData("../../../../../../{1}/{0}.csv")]
    [InlineData("..\\..\\{0}.csv")]
    [InlineData("{1}/{0}.csv")]
    [InlineData("....//....//{0}.csv")]
    [InlineData("%2e%2e%2f{0}.csv")]
    [InlineData("C:\\Windows\\{0}.csv")]
    public async Task Upload_TraversingFileName_StaysInTheSpoolAndImports(string pattern)
    {
        var canary = "kl-canary-" + Guid.NewGuid().ToString("N");
        var temp = Path.GetTempPath().TrimEnd('/');
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, canary, temp);
        using var factory = new ServiceFactory();
        using var client = factory.CreateKeyedClient();

        // A bad row with allowPartial: the rejects file is written next to the spooled upload, so it must stay there too.
        using var upload = Upload(name, Csv + "P-3,not a date,C-3,bad row\n");
        using var response = await client.PostAsync(Url("/api/tickets?allowPartial=true"), upload);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using (var result = JsonDocument.Parse(body))
        {
            Assert.Equal(1, result.RootElement.GetProperty("rejected").GetInt64());
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), canary + "*", new EnumerationOptions { RecurseSubdirectories = false }));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetTempPath().TrimEnd('/'))!, canary + ".csv")));
        using var store = KnowledgeStore.Open(factory.StorePath);
        Assert.Equal(2, store.Count().Tickets);
    }

    [Fact]
    public async Task Upload_ProblemsNameTheFileWithoutItsClientPath()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateKeyedClient();

        using var upload = Upload("../../secret/dir/tickets.csv", "id,created_at,customer_id,subject\nB-1,not a date,C-1,x\n");
        using var response = await client.PostAsync(Url("/api/tickets"), upload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var first = problem.RootElement.GetProperty("problems")[0];
        Assert.Equal(2, first.GetProperty("line").GetInt64());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("..", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MultipartOverTheLimit_Returns413ProblemAndWritesNothing()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["KnowledgeLoop:Limits:MaxRequestBodyBytes"] = "4096" });
        using var client = factory.CreateKeyedClient();
        var rows = string.Concat(Enumerable.Range(0, 400).Select(i => $"L-{i},2026-06-01,C-{i},padding padding padding\n"));

        using var upload = Upload("tickets.csv", "id,created_at,customer_id,subject\n" + rows);
        using var response = await client.PostAsync(Url("/api/tickets"), upload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var store = KnowledgeStore.Open(factory.StorePath);
        Assert.Equal(0, store.Count().Tickets);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/app.js")]
    public async Task Page_AndItsAssets_CarryCspAndNosniff(string path)
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public void RemoteAi_ByDefault_IsOffAndNothingLeavesTheMachine()
    {
        using var factory = new ServiceFactory();
        _ = factory.Server; // builds the host with the shipped appsettings.json

        var ai = factory.Services.GetRequiredService<KnowledgeLoopAi>();

        Assert.Equal("local", ai.Options.Embedder);
        Assert.Equal("none", ai.Options.Chat);
        Assert.Equal("embedded", ai.Options.VectorStore);
        Assert.False(ai.SendsText);
    }

    [Fact]
    public void RemoteAi_WhenEnabledOnARemoteEndpoint_RedactsByDefault()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?>
        {
            ["KnowledgeLoop:Ai:Embedder"] = "openai",
            ["KnowledgeLoop:OpenAi:Endpoint"] = "https://llm.example.com/v1",
            ["KnowledgeLoop:OpenAi:EmbeddingModel"] = "text-embedding-3-small",
            ["KnowledgeLoop:OpenAi:ApiKey"] = RemoteAiKey,
        });
        _ = factory.Server;

        var ai = factory.Services.GetRequiredService<KnowledgeLoopAi>();

        Assert.True(ai.SendsText);
        Assert.True(ai.Redacts);
        Assert.Equal("Ticket from [customer]: reset failed", new TextRedactor().Redact("Ticket from customer 123456: reset failed"));
    }

    private static MultipartFormDataContent Upload(string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }
}
