using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tests.Storage;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The OpenAI-compatible embedder against the in-test server (protocols.md §2.1, §5).</summary>
public sealed class OpenAiEmbeddingGeneratorTests : IAsyncLifetime, IDisposable
{
    private const float Tolerance = 1e-5f;
    private readonly TempFolder _folder = new();
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private OpenAiOptions Options(int batch = 64, int? dimensions = null) => new()
    {
        Endpoint = _server.Endpoint,
        ApiKey = _server.ApiKey,
        EmbeddingModel = "nomic-embed-text",
        EmbeddingDimensions = dimensions,
        DocumentPrefix = "search_document: ",
        QueryPrefix = "search_query: ",
        BatchSize = batch,
        RetryDelay = TimeSpan.Zero,
    };

    private static float[] Expected(string sent, int dimensions)
    {
        var vector = FakeOpenAiServer.VectorOf(sent, dimensions);
        var norm = TensorPrimitives.Norm(vector);
        return vector.Select(v => v / norm).ToArray();
    }

    [Fact]
    public async Task GenerateAsync_FiveTextsInBatchesOfTwo_SendsThreeDocumentedRequestsAndKeepsInputOrder()
    {
        using var generator = new OpenAiEmbeddingGenerator(Options(batch: 2, dimensions: 8));
        string[] texts = ["bank feed duplicated", "reset password", "sso error", "vat on invoices", "export data"];

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Empty(_server.Violations);
        var requests = _server.Embeddings.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer sk-test", r.Headers["authorization"]));
        var bodies = requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(bodies, b => Assert.Equal("nomic-embed-text", b["model"]!.GetValue<string>()));
        Assert.All(bodies, b => Assert.Equal(8, b["dimensions"]!.GetValue<int>()));
        Assert.Equal(
            texts.Select(t => "search_document: " + t),
            bodies.SelectMany(b => b["input"]!.AsArray().Select(x => x!.GetValue<string>())));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected("search_document: " + texts[i], 8), embeddings[i].Vector.ToArray(), (a, b) => Math.Abs(a - b) < Tolerance);
        }
    }

    [Fact]
    public async Task GenerateAsync_QueryPurpose_SendsTheQueryPrefix()
    {
        using var generator = new OpenAiEmbeddingGenerator(Options());

        await generator.GenerateAsync(["how do I merge duplicates"], EmbeddingPurpose.ForQueries());

        var input = JsonNode.Parse(Assert.Single(_server.Embeddings).Body)!["input"]!.AsArray();
        Assert.Equal("search_query: how do I merge duplicates", Assert.Single(input)!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateAsync_429ThenSuccess_RetriesOnce()
    {
        _server.FailNext("/v1/embeddings", 429, """{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}""");
        using var generator = new OpenAiEmbeddingGenerator(Options());

        var embeddings = await generator.GenerateAsync(["a ticket"]);

        Assert.Equal(2, _server.Embeddings.Count());
        Assert.Equal(8, embeddings[0].Vector.Length);
    }

    [Fact]
    public async Task GenerateAsync_ModelNotFound_FailsAtOnceNamingTheModel()
    {
        _server.FailNext("/v1/embeddings", 404, """{"error":{"message":"model \"nomic-embed-text\" not found, try pulling it first","type":"not_found_error","param":null,"code":null}}""");
        using var generator = new OpenAiEmbeddingGenerator(Options());

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["a ticket"]));

        Assert.Single(_server.Embeddings);
        Assert.Contains("nomic-embed-text", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ServerIgnoresDimensions_ThrowsDimensionError()
    {
        _server.HonourDimensions = false;
        using var generator = new OpenAiEmbeddingGenerator(Options(dimensions: 4));

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["a ticket"]));

        Assert.Contains("returned 8-dimensional vectors but OpenAi:EmbeddingDimensions is 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_SecondRunOnTheSameStore_IsAnsweredFromTheCache()
    {
        string[] texts = ["bank feed duplicated", "reset password", "bank feed duplicated"];
        using (var store = KnowledgeStore.Open(_folder.File("cache.db")))
        {
            using var first = new OpenAiEmbeddingGenerator(Options(), cache: new SqliteEmbeddingCache(store));
            await first.GenerateAsync(texts);
        }

        Assert.Single(_server.Embeddings);
        Assert.Equal(2, JsonNode.Parse(_server.Embeddings.Single().Body)!["input"]!.AsArray().Count);

        using (var store = KnowledgeStore.Open(_folder.File("cache.db")))
        {
            using var second = new OpenAiEmbeddingGenerator(Options(), cache: new SqliteEmbeddingCache(store));
            var embeddings = await second.GenerateAsync(texts);

            Assert.Equal(3, second.CacheHits);
            Assert.Equal(0, second.Requests);
            Assert.Equal(Expected("search_document: reset password", 8), embeddings[1].Vector.ToArray(), (a, b) => Math.Abs(a - b) < Tolerance);
        }

        Assert.Single(_server.Embeddings);
    }

    [Fact]
    public void GetService_Metadata_NamesProviderEndpointAndModel()
    {
        using var generator = new OpenAiEmbeddingGenerator(Options(dimensions: 8));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal("nomic-embed-text", metadata.DefaultModelId);
        Assert.Equal(8, metadata.DefaultModelDimensions);
        Assert.Equal(_server.Endpoint, metadata.ProviderUri);
    }
}
