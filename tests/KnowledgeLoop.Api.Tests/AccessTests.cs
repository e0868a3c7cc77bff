using System.Net;
using System.Text;
using KnowledgeLoop.Api.Hosting;

namespace KnowledgeLoop.Api.Tests;

public sealed class AccessTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent EmptyBatch() => new("[]", Encoding.UTF8, "application/json");

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-key-5f1c2")]
    [InlineData("test-key-5f1c2a-and-more")]
    public async Task Write_WithoutTheRightKey_Returns401WithoutKeyDetails(string? key)
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateClient();
        using var content = EmptyBatch();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/tickets")) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        var text = problem.ToString();
        Assert.DoesNotContain(KnowledgeLoopApiFactory.ApiKey, text, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Writes_EveryWriteEndpoint_NeedsTheKey()
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/api/tickets", "/api/articles", "/api/sessions", "/api/analyses" })
        {
            using var content = EmptyBatch();
            using var response = await client.PostAsync(Url(path), content);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var delete = await client.DeleteAsync(Url("/api/analyses/a-anything"));
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [Fact]
    public async Task Write_WithTheKey_IsAllowed_AndReadsAreOpenByDefault()
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var keyed = factory.CreateKeyedClient();
        using var anonymous = factory.CreateClient();
        using var content = EmptyBatch();

        using var write = await keyed.PostAsync(Url("/api/tickets"), content);
        using var read = await anonymous.GetAsync(Url("/api/gaps"));

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Keys_FromTheListAndTheEnvironmentSetting_AreAllAccepted()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?>
        {
            ["KnowledgeLoop:ApiKeys:0"] = "first-of-list",
            ["KnowledgeLoop:ApiKeys:1"] = "second-of-list",
            ["KNOWLEDGELOOP_API_KEY"] = "from-environment",
        });
        using var client = factory.CreateClient();

        foreach (var key in new[] { KnowledgeLoopApiFactory.ApiKey, "first-of-list", "second-of-list", "from-environment" })
        {
            using var content = EmptyBatch();
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/tickets")) { Content = content };
            request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, key);
        }
    }

    [Fact]
    public async Task Reads_WhenKeyRequiredForReads_NeedTheKey_ButHealthStaysOpen()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?> { ["KnowledgeLoop:RequireKeyForReads"] = "true" });
        using var anonymous = factory.CreateClient();
        using var keyed = factory.CreateKeyedClient();

        using var refused = await anonymous.GetAsync(Url("/api/gaps"));
        using var openApi = await anonymous.GetAsync(Url("/openapi/v1.json"));
        using var allowed = await keyed.GetAsync(Url("/api/gaps"));
        using var health = await anonymous.GetAsync(Url("/health"));

        await ApiAssert.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Writes_WithNoKeyConfigured_AreOpenOnAnInProcessServer()
    {
        using var factory = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?> { ["KnowledgeLoop:ApiKey"] = "" });
        using var client = factory.CreateClient();
        using var content = EmptyBatch();

        using var response = await client.PostAsync(Url("/api/tickets"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://10.1.2.3:80", false)]
    public void Loopback_Addresses_AreToldApart(string address, bool loopback)
    {
        Assert.Equal(loopback, ApiKeyMiddleware.IsLoopback(address));
    }

    [Fact]
    public async Task Cors_WhenOriginsConfigured_AnswersPreflight_AndIsOffOtherwise()
    {
        using var withCors = new KnowledgeLoopApiFactory(null, new Dictionary<string, string?> { ["KnowledgeLoop:Cors:Origins:0"] = "https://support.example.com" });
        using var without = new KnowledgeLoopApiFactory();

        static HttpRequestMessage Preflight()
        {
            var request = new HttpRequestMessage(HttpMethod.Options, Url("/api/gaps"));
            request.Headers.Add("Origin", "https://support.example.com");
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return request;
        }

        using var client = withCors.CreateClient();
        using var otherClient = without.CreateClient();
        using var request = Preflight();
        using var otherRequest = Preflight();
        using var allowed = await client.SendAsync(request);
        using var off = await otherClient.SendAsync(otherRequest);

        Assert.Equal("https://support.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(off.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
