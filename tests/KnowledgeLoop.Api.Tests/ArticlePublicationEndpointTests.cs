using System.Net;
using System.Text;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Tests;

public sealed class ArticlePublicationEndpointTests : IDisposable
{
    private readonly KnowledgeLoopApiFactory _factory = new();

    public ArticlePublicationEndpointTests()
    {
        using var store = KnowledgeStore.Open(_factory.StorePath);
        using var writer = store.BeginWrite("articles", "test", "generic");
        writer.Upsert(new Article { Id = "KB-1", Title = "Webhooks", Body = "Retries and signatures." });
        writer.Commit();
    }

    public void Dispose() => _factory.Dispose();

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private List<Core.Tracking.ArticlePublication> Stored()
    {
        using var store = KnowledgeStore.Open(_factory.StorePath);
        return [.. new ArticlePublicationRepository(store).List()];
    }

    [Fact]
    public async Task Publish_WithTimeAndGap_Returns201AndIsStored()
    {
        using var client = _factory.CreateKeyedClient();
        using var content = Json("""{"published_at":"2026-08-25T09:00:00Z","gap_id":"gap-0123456789"}""");

        using var response = await client.PostAsync(Url("/api/articles/KB-1/published"), content);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("KB-1", body.GetProperty("article_id").GetString());
        Assert.Equal("/api/articles/KB-1", response.Headers.Location?.OriginalString);
        var stored = Assert.Single(Stored());
        Assert.Equal(new Core.Tracking.ArticlePublication("KB-1", new DateTimeOffset(2026, 8, 25, 9, 0, 0, TimeSpan.Zero), "gap-0123456789"), stored);
    }

    [Fact]
    public async Task Publish_WithoutBody_DefaultsToNow()
    {
        using var client = _factory.CreateKeyedClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await client.PostAsync(Url("/api/articles/KB-1/published"), content: null);

        await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var stored = Assert.Single(Stored());
        Assert.InRange(stored.PublishedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Null(stored.GapId);
    }

    [Fact]
    public async Task Publish_UnknownArticle_Returns404AndStoresNothing()
    {
        using var client = _factory.CreateKeyedClient();

        using var response = await client.PostAsync(Url("/api/articles/KB-404/published"), content: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(Stored());
    }

    [Theory]
    [InlineData("""{"published_at":"yesterday"}""", "published_at")]
    [InlineData("""{"published_at":"2999-01-01T00:00:00Z"}""", "published_at")]
    [InlineData("""{"gap_id":""}""", "gap_id")]
    [InlineData("""{"gap_id":42}""", "gap_id")]
    [InlineData("""{"colour":"red"}""", "colour")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"published_at":""", "body")]
    public async Task Publish_BadBody_Returns400NamingTheField(string json, string field)
    {
        using var client = _factory.CreateKeyedClient();
        using var content = Json(json);

        using var response = await client.PostAsync(Url("/api/articles/KB-1/published"), content);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
        Assert.Empty(Stored());
    }

    [Fact]
    public async Task Publish_WithoutTheKey_Returns401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(Url("/api/articles/KB-1/published"), content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Stored());
    }
}
