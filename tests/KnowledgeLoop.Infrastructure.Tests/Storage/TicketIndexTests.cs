using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Storage;

/// <summary>The CLI's ticket index: the service's stored graph of an outcome when its fingerprint matches, else an exact scan.</summary>
public sealed class TicketIndexTests : IDisposable
{
    private const int Dimensions = 16;
    private const string Model = "lsa-16";
    private static readonly string[] Outcomes = ["success", "failure"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<VectorItem> Items(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return new VectorItem($"T{i:D5}", vector.Select(v => v / norm).ToArray(), new VectorPayload("billing", null, Outcomes[i % 2]));
        }).ToList();
    }

    /// <summary>What the service does after an analysis: the vectors in the store, each outcome's graph built and saved.</summary>
    private static void SaveLikeTheService(KnowledgeStore store, List<VectorItem> items, string model)
    {
        new VectorRepository(store).ReplaceSpace(AnalysisStore.TicketSpace, items);
        OutcomePartitionedIndex.Build(
            Dimensions, items, (d, members) => VectorIndexFactory.Build(d, members, new VectorIndexOptions { HnswThreshold = 100 }), new SimilarGraphCache(store), model);
    }

    [Fact]
    public async Task LoadTicketIndex_GraphsStoredForTheseVectors_SearchesTheGraphs()
    {
        var items = Items(600, seed: 1);
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        SaveLikeTheService(store, items, Model);

        var index = AnalysisStore.LoadTicketIndex(store, Dimensions, Model);

        Assert.Equal(items.Count, index.Count);
        Assert.All(Outcomes, outcome => Assert.IsType<HnswVectorIndex>(index.Partitions[outcome]));
        using var exact = new ExactVectorIndex(Dimensions);
        exact.Upsert(items);
        var filter = new VectorFilter(Outcomes: new HashSet<string>(StringComparer.Ordinal) { "failure" });
        var found = 0;
        foreach (var query in Items(20, seed: 2))
        {
            var expected = (await exact.SearchAsync(query.Vector, 10, filter)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            var hits = await index.SearchAsync(query.Vector, 10, filter);
            Assert.All(hits, hit => Assert.Equal("failure", hit.Payload.Outcome));
            found += hits.Count(h => expected.Contains(h.Id));
        }

        Assert.True(found >= 0.9 * 10 * 20, $"recall {found / 200.0:0.00}");
    }

    [Fact]
    public void LoadTicketIndex_VectorsChangedSinceTheGraphs_ScansExactlyAndWritesNothing()
    {
        var items = Items(600, seed: 1);
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        SaveLikeTheService(store, items, Model);
        var repository = new VectorRepository(store);
        var failureGraph = repository.LoadModel(SimilarGraphCache.NamePrefix + "failure");
        var fingerprints = Outcomes.Select(outcome => repository.ModelKind(SimilarGraphCache.NamePrefix + outcome)).ToList();

        // A new analysis moved one "success" vector; the "failure" partition is unchanged.
        var moved = items.Select(i => i.Id == "T00000" ? i with { Vector = i.Vector.ToArray().Select(v => -v).ToArray() } : i).ToList();
        repository.ReplaceSpace(AnalysisStore.TicketSpace, moved);
        var index = AnalysisStore.LoadTicketIndex(store, Dimensions, Model);

        Assert.IsType<ExactVectorIndex>(index.Partitions["success"]);
        Assert.IsType<HnswVectorIndex>(index.Partitions["failure"]);
        Assert.Equal(items.Count, index.Count);
        Assert.Equal(failureGraph, repository.LoadModel(SimilarGraphCache.NamePrefix + "failure"));
        Assert.Equal(fingerprints, Outcomes.Select(outcome => repository.ModelKind(SimilarGraphCache.NamePrefix + outcome)));
    }

    [Fact]
    public void LoadTicketIndex_AnotherModel_ScansExactly()
    {
        var items = Items(600, seed: 1);
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        SaveLikeTheService(store, items, Model);

        var index = AnalysisStore.LoadTicketIndex(store, Dimensions, "lsa-other");

        Assert.All(Outcomes, outcome => Assert.IsType<ExactVectorIndex>(index.Partitions[outcome]));
    }

    [Fact]
    public void LoadTicketIndex_NoVectors_IsEmpty()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));

        var index = AnalysisStore.LoadTicketIndex(store, Dimensions, Model);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Partitions);
    }
}
