using System.Net;
using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Qdrant;

namespace KnowledgeLoop.Infrastructure.Tests.Qdrant;

/// <summary>The Qdrant adapter against the in-test Qdrant (protocols.md §1): requests as documented, answers as Qdrant gives them.</summary>
public sealed class QdrantVectorIndexTests : IAsyncLifetime, IDisposable
{
    private const double Tolerance = 1e-5;
    private const string ApiKey = "test-key";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private FakeQdrantServer _qdrant = null!;

    public async Task InitializeAsync() => _qdrant = await FakeQdrantServer.StartAsync(ApiKey);

    public async Task DisposeAsync() => await _qdrant.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private QdrantOptions Options(string? apiKey = ApiKey) => new()
    {
        Url = _qdrant.Address,
        ApiKey = apiKey,
        UpsertBatchSize = 64,
        RetryDelay = TimeSpan.Zero,
    };

    private static QdrantOptions ScalarAndDisk(QdrantOptions options)
    {
        options.OnDisk = true;
        options.ScalarQuantization = true;
        return options;
    }

    private static List<VectorItem> Items(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        string[] categories = ["billing", "bank", "login"];
        string[] outcomes = ["success", "failure"];
        return Enumerable.Range(0, count).Select(i => new VectorItem(
            $"T-{i}",
            Unit(Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()),
            new VectorPayload(categories[i % 3], Start.AddDays(i), outcomes[i % 2]))).ToList();
    }

    // The embedded index expects unit vectors (embeddings are); Qdrant normalizes cosine vectors itself.
    private static float[] Unit(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        return vector.Select(x => x / norm).ToArray();
    }

    [Fact]
    public async Task OpenAsync_NewCollection_CreatesCosineCollectionWithPayloadIndexes()
    {
        var index = await QdrantVectorIndex.OpenAsync(_http, ScalarAndDisk(Options()), "kl_tickets_8", 8);

        Assert.Empty(_qdrant.Violations);
        var create = Assert.Single(_qdrant.Requests, r => r.Method == "PUT" && r.Path == "/collections/kl_tickets_8");
        var body = JsonNode.Parse(create.Body)!;
        Assert.Equal(8, body["vectors"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", body["vectors"]!["distance"]!.GetValue<string>());
        Assert.True(body["vectors"]!["on_disk"]!.GetValue<bool>());
        Assert.Equal("int8", body["quantization_config"]!["scalar"]!["type"]!.GetValue<string>());
        Assert.Equal(
            new Dictionary<string, string> { ["category"] = "keyword", ["created_at"] = "integer", ["item_id"] = "keyword", ["outcome"] = "keyword" },
            _qdrant.Get("kl_tickets_8")!.Indexes.OrderBy(i => i.Key, StringComparer.Ordinal).ToDictionary());
        Assert.All(_qdrant.Requests, r => Assert.Equal(ApiKey, r.Headers["api-key"]));
        Assert.Equal(new Version(1, 15, 4), index.ServerVersion);
    }

    [Fact]
    public async Task UpsertAndSearch_RandomVectors_SameHitsAsTheEmbeddedIndex()
    {
        var items = Items(300, 16, seed: 1);
        var qdrant = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_16", 16);
        using var exact = new ExactVectorIndex(16);
        await qdrant.UpsertAsync(items);
        await exact.UpsertAsync(items);

        Assert.Equal(5, _qdrant.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/points", StringComparison.Ordinal)));
        Assert.Equal(300, await qdrant.CountAsync());
        VectorFilter?[] filters =
        [
            null,
            new VectorFilter(Categories: new HashSet<string> { "bank", "login" }),
            new VectorFilter(Outcomes: new HashSet<string> { "failure" }),
            new VectorFilter(CreatedFrom: Start.AddDays(100), CreatedBefore: Start.AddDays(200)),
            new VectorFilter(Categories: new HashSet<string> { "billing" }, Outcomes: new HashSet<string> { "success" }, CreatedFrom: Start.AddDays(30)),
        ];
        foreach (var (query, filter) in Items(4, 16, seed: 2).SelectMany(q => filters.Select(f => (q.Vector, f))))
        {
            var expected = await exact.SearchAsync(query, 7, filter);
            var actual = await qdrant.SearchAsync(query, 7, filter);
            Assert.Equal(expected.Select(h => h.Id), actual.Select(h => h.Id));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, Tolerance));
            Assert.Equal(expected.Select(h => h.Payload), actual.Select(h => h.Payload));
        }

        Assert.Empty(_qdrant.Violations);
        Assert.DoesNotContain(_qdrant.Requests, r => r.Path.EndsWith("/points/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_ServerBefore110_FallsBackToLegacySearch()
    {
        await using var old = await FakeQdrantServer.StartAsync(version: "1.9.7");
        var index = await QdrantVectorIndex.OpenAsync(_http, new QdrantOptions { Url = old.Address, RetryDelay = TimeSpan.Zero }, "kl_old_4", 4);
        await index.UpsertAsync([new VectorItem("a", new float[] { 1, 0, 0, 0 }, new VectorPayload()), new VectorItem("b", new float[] { 0, 1, 0, 0 }, new VectorPayload())]);

        var hits = await index.SearchAsync(new float[] { 0.1f, 1, 0, 0 }, 1);

        Assert.Equal("b", Assert.Single(hits).Id);
        Assert.Contains(old.Requests, r => r.Path == "/collections/kl_old_4/points/search");
        Assert.DoesNotContain(old.Requests, r => r.Path.EndsWith("/points/query", StringComparison.Ordinal));
        Assert.DoesNotContain(old.Requests, r => r.Headers.ContainsKey("api-key"));
        Assert.Empty(old.Violations);
    }

    [Fact]
    public async Task SearchAsync_UnknownVersionAndNoQueryRoute_FallsBackAfterThe404()
    {
        await using var old = await FakeQdrantServer.StartAsync(version: "1.9.7", reportsVersion: false);
        var index = await QdrantVectorIndex.OpenAsync(_http, new QdrantOptions { Url = old.Address, RetryDelay = TimeSpan.Zero }, "kl_old_4", 4);
        await index.UpsertAsync([new VectorItem("a", new float[] { 1, 0, 0, 0 }, new VectorPayload()), new VectorItem("b", new float[] { 0, 1, 0, 0 }, new VectorPayload())]);

        var first = await index.SearchAsync(new float[] { 1, 0.1f, 0, 0 }, 1);
        var second = await index.SearchAsync(new float[] { 0.1f, 1, 0, 0 }, 1);

        Assert.Null(index.ServerVersion);
        Assert.Equal(["a", "b"], [Assert.Single(first).Id, Assert.Single(second).Id]);
        Assert.Single(old.Requests, r => r.Path.EndsWith("/points/query", StringComparison.Ordinal));
        Assert.Equal(2, old.Requests.Count(r => r.Path.EndsWith("/points/search", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpenAsync_WrongApiKey_ThrowsWithThe401AndWhatToSet()
    {
        var error = await Assert.ThrowsAsync<QdrantException>(() => QdrantVectorIndex.OpenAsync(_http, Options("wrong"), "kl_tickets_8", 8));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Must provide an API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_CreateAnswers409_UsesTheCollectionAnotherClientCreated()
    {
        _qdrant.Seed("kl_tickets_8", 8);
        _qdrant.FailNext("/collections/kl_tickets_8", 404, """{"status":{"error":"Not found: Collection `kl_tickets_8` doesn't exist!"},"time":0.0}""");
        _qdrant.FailNext("/collections/kl_tickets_8", 409, """{"status":{"error":"Wrong input: Collection `kl_tickets_8` already exists!"},"time":0.0}""");

        var index = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_8", 8);

        Assert.Equal(8, index.Dimensions);
        Assert.Equal(["GET", "GET", "PUT", "GET"], _qdrant.Requests.Where(r => r.Path == "/collections/kl_tickets_8" || r.Path == "/").Select(r => r.Method).ToArray());
    }

    [Fact]
    public async Task OpenAsync_ExistingCollectionOfAnotherSize_ThrowsDimensionMismatch()
    {
        _qdrant.Seed("kl_tickets_8", 768);

        var error = await Assert.ThrowsAsync<QdrantException>(() => QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_8", 8));

        Assert.Contains("Dimension mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("768", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_ServerAnswersDimensionError_ThrowsDimensionMismatch()
    {
        var index = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_4", 4);
        _qdrant.FailNext("/points", 400, """{"status":{"error":"Wrong input: Vector dimension error: expected dim: 4, got 3"},"time":0.0}""");

        var error = await Assert.ThrowsAsync<QdrantException>(() => index.UpsertAsync([new VectorItem("a", new float[] { 1, 0, 0, 0 }, new VectorPayload())]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Vector dimension error: expected dim: 4, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_429ThenSuccess_RetriesAndStores()
    {
        var index = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_4", 4);
        _qdrant.FailNext("/points", 429, """{"status":{"error":"Too many requests"},"time":0.0}""");

        await index.UpsertAsync([new VectorItem("a", new float[] { 1, 0, 0, 0 }, new VectorPayload())]);

        Assert.Equal(2, _qdrant.Requests.Count(r => r.Method == "PUT" && r.Path == "/collections/kl_tickets_4/points"));
        Assert.Equal(1, _qdrant.PointCount("kl_tickets_4"));
    }

    [Fact]
    public async Task SearchAsync_CollectionDeletedMeanwhile_Throws404NamingIt()
    {
        var index = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_4", 4);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(_qdrant.Address, "collections/kl_tickets_4"));
        delete.Headers.Add("api-key", ApiKey);
        (await _http.SendAsync(delete)).Dispose();

        var error = await Assert.ThrowsAsync<QdrantException>(() => index.SearchAsync(new float[] { 1, 0, 0, 0 }, 3));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("kl_tickets_4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsyncAndDeleteWhereAsync_RemoveByIdAndByFilter()
    {
        var index = await QdrantVectorIndex.OpenAsync(_http, Options(), "kl_tickets_16", 16);
        await index.UpsertAsync(Items(30, 16, seed: 3));

        await index.DeleteAsync(["T-0", "T-1", "unknown"]);
        await index.DeleteWhereAsync(new VectorFilter(Categories: new HashSet<string> { "login" }));

        var left = await index.SearchAsync(Items(1, 16, seed: 4)[0].Vector, 100);
        Assert.Equal(18, left.Count);
        Assert.DoesNotContain(left, h => h.Id is "T-0" or "T-1" || h.Payload.Category == "login");
        Assert.Empty(_qdrant.Violations);
    }

    [Fact]
    public void QdrantPointId_TicketId_IsTheVersion5UuidOfTheName()
    {
        // Expected values from Python: uuid.uuid5(UUID("6c1b3c52-0d5e-4c0e-9a47-7e3f2d9b8a10"), name).
        Assert.Equal("24f24ac7-62b8-592e-a21b-29d9b627ecb7", QdrantPointId.From("zendesk:12345"));
        Assert.Equal("6a420391-7151-507f-8b97-9f1dce05360e", QdrantPointId.From("T-1"));
    }
}
