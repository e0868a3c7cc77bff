using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Tests;

/// <summary>The similar-case graphs kept in the store: loaded when their fingerprint matches, rebuilt otherwise.</summary>
public sealed class SimilarGraphCacheTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly string[] Outcomes = ["success", "failure"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kl-graph-cache-" + Guid.NewGuid().ToString("N"));

    public SimilarGraphCacheTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<VectorItem> Items(int count)
    {
        var random = new Random(5);
        return Enumerable.Range(0, count).Select(i =>
        {
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return new VectorItem($"T{i:D5}", vector.Select(v => v / norm).ToArray(), new VectorPayload("billing", null, Outcomes[i % 2]));
        }).ToList();
    }

    [Fact]
    public async Task Build_SameModelAndTickets_LoadsTheStoredGraphsInsteadOfBuilding()
    {
        var stores = new KnowledgeStoreFactory(Path.Combine(_folder, "k.db"));
        var cache = new SimilarGraphCache(stores);
        var factory = new CountingFactory();
        var items = Items(600);
        var query = items[7].Vector;

        var first = OutcomePartitionedIndex.Build(Dimensions, items, factory.Build, cache, "model-1");
        Assert.Equal(2, factory.Builds);
        var again = OutcomePartitionedIndex.Build(Dimensions, items, factory.Build, cache, "model-1");
        Assert.Equal(2, factory.Builds);

        var expected = await first.SearchAsync(query, 10, new VectorFilter(Outcomes: new HashSet<string> { "failure" }));
        var actual = await again.SearchAsync(query, 10, new VectorFilter(Outcomes: new HashSet<string> { "failure" }));
        Assert.Equal(expected.Select(h => h.Id), actual.Select(h => h.Id));
        Assert.Equal(first.Count, again.Count);
    }

    [Fact]
    public void Build_AnotherModelOrOtherTickets_RebuildsOnlyWhatChanged()
    {
        var stores = new KnowledgeStoreFactory(Path.Combine(_folder, "k.db"));
        var cache = new SimilarGraphCache(stores);
        var factory = new CountingFactory();
        var items = Items(600);

        OutcomePartitionedIndex.Build(Dimensions, items, factory.Build, cache, "model-1");
        OutcomePartitionedIndex.Build(Dimensions, items, factory.Build, cache, "model-2");
        Assert.Equal(4, factory.Builds);

        // One "success" ticket fewer: only that partition's fingerprint changes.
        OutcomePartitionedIndex.Build(Dimensions, items.Where(i => i.Id != "T00000").ToList(), factory.Build, cache, "model-2");
        Assert.Equal(5, factory.Builds);
    }

    [Fact]
    public void Build_SameIdsAndModelNameButNewVectors_Rebuilds()
    {
        var stores = new KnowledgeStoreFactory(Path.Combine(_folder, "k.db"));
        var cache = new SimilarGraphCache(stores);
        var factory = new CountingFactory();
        var items = Items(600);
        OutcomePartitionedIndex.Build(Dimensions, items, factory.Build, cache, "lsa-256");

        // A re-analysis (another seed) keeps the model's name and the ids but moves every vector.
        var moved = items.Select(i => i with { Vector = i.Vector.ToArray().Select(v => -v).ToArray() }).ToList();
        OutcomePartitionedIndex.Build(Dimensions, moved, factory.Build, cache, "lsa-256");

        Assert.Equal(4, factory.Builds);
    }

    /// <summary>HNSW from 100 vectors on, counting the builds.</summary>
    private sealed class CountingFactory : IVectorIndexFactory
    {
        public int Builds { get; private set; }

        public IVectorIndex Build(int dimensions, IReadOnlyCollection<VectorItem> items)
        {
            Builds++;
            return VectorIndexFactory.Build(dimensions, items, new VectorIndexOptions { HnswThreshold = 100 });
        }
    }
}
