using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Vectors;

public sealed class HnswVectorIndexTests
{
    private const int Dimensions = 32;
    private const double MinimumRecall = 0.95;
    private const float ScoreTolerance = 1e-5f;

    private static readonly string[] Categories = ["billing", "sync", "login", "export", "tax"];

    /// <summary>Points around 20 seeded centres (like embeddings of topics), with payloads that cycle through categories and outcomes.</summary>
    private static List<VectorItem> Items(int count, int seed, int dimensions = Dimensions)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 20).Select(_ => Gaussian(random, dimensions, 1f)).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var v = Gaussian(random, dimensions, 0.6f);
            TensorPrimitives.Add(v, centres[i % centres.Length], v);
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            var payload = new VectorPayload(Categories[i % Categories.Length], start.AddHours(i), i % 3 == 0 ? "failure" : "success");
            return new VectorItem("t" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), v, payload);
        }).ToList();
    }

    private static float[] Gaussian(Random random, int dimensions, float scale)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            v[i] = scale * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return v;
    }

    private static List<string> BruteForce(List<VectorItem> items, ReadOnlySpan<float> query, int k, VectorFilter? filter = null)
    {
        var q = query.ToArray();
        return items.Where(i => filter is null || filter.Matches(i.Payload))
            .Select(i => (i.Id, Score: TensorPrimitives.Dot(q, i.Vector.Span)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(k).Select(x => x.Id).ToList();
    }

    private static double Recall(HnswVectorIndex index, List<VectorItem> items, List<VectorItem> queries, int k, VectorFilter? filter = null)
    {
        double found = 0;
        foreach (var query in queries)
        {
            var truth = BruteForce(items, query.Vector.Span, k, filter);
            var hits = index.Search(query.Vector.Span, k, filter);
            found += hits.Count(h => truth.Contains(h.Id)) / (double)truth.Count;
        }

        return found / queries.Count;
    }

    [Fact]
    public void Search_TiedScoresAcrossTheKthPlace_ReturnsTheTiesInIdOrder()
    {
        // 12 copies of one vector among other points: the best 5 are all tied, so the ids decide which 5 come back.
        var items = Items(400, 21);
        var copy = items[0].Vector;
        var ties = Enumerable.Range(0, 12)
            .Select(i => new VectorItem("dup" + (11 - i).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), copy, items[0].Payload))
            .ToList();
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { M = 16, EfConstruction = 200, EfSearch = 64 });
        index.Upsert([.. items.Skip(1), .. ties]);

        var hits = index.Search(copy.Span, 5, null, 32);

        Assert.Equal(["dup00", "dup01", "dup02", "dup03", "dup04"], hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Search_SeededClusteredSet_RecallAtTenIsHigh(int buildThreads)
    {
        var items = Items(3000, 11);
        var queries = Items(60, 12);
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { M = 16, EfConstruction = 200, EfSearch = 64, BuildThreads = buildThreads });
        index.Upsert(items);

        Assert.Equal(3000, index.Count);
        Assert.InRange(Recall(index, items, queries, 10), MinimumRecall, 1.0);
    }

    [Fact]
    public void Search_IncrementalInsertsInSmallBatches_RecallAtTenIsHigh()
    {
        var items = Items(1500, 13);
        var queries = Items(40, 14);
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { M = 12, EfConstruction = 100 }, capacity: 16);
        foreach (var batch in items.Chunk(37))
        {
            index.Upsert(batch);
        }

        Assert.Equal(1500, index.Count);
        Assert.InRange(Recall(index, items, queries, 10), MinimumRecall, 1.0);
    }

    [Fact]
    public void Search_ReturnsScoresBestFirst_AsCosineSimilarities()
    {
        var items = Items(500, 15);
        using var index = new HnswVectorIndex(Dimensions);
        index.Upsert(items);
        var query = items[42].Vector.ToArray();
        TensorPrimitives.Multiply(query, 3f, query); // not unit length: the index normalizes it

        var hits = index.Search(query, 5);

        Assert.Equal("t00042", hits[0].Id);
        Assert.Equal(1.0, hits[0].Score, ScoreTolerance);
        Assert.Equal(items[42].Payload, hits[0].Payload);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Search_FewerItemsThanAsked_ReturnsThemAllInExactOrder()
    {
        var items = Items(7, 16);
        using var index = new HnswVectorIndex(Dimensions);
        index.Upsert(items);

        var hits = index.Search(items[0].Vector.Span, 10);

        Assert.Equal(BruteForce(items, items[0].Vector.Span, 10), hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_EmptyIndex_ReturnsNothing()
    {
        using var index = new HnswVectorIndex(4);

        Assert.Empty(index.Search(new float[] { 1, 0, 0, 0 }, 3));
    }

    [Fact]
    public void Search_BroadFilter_ReturnsOnlyMatchingItems_WithHighRecall()
    {
        var items = Items(3000, 17);
        var queries = Items(40, 18);
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { M = 12, EfConstruction = 100 });
        index.Upsert(items);
        var filter = new VectorFilter(Categories: new HashSet<string> { "billing", "sync" }, Outcomes: new HashSet<string> { "success" });

        foreach (var query in queries)
        {
            var hits = index.Search(query.Vector.Span, 10, filter);
            Assert.Equal(10, hits.Count);
            Assert.All(hits, h => Assert.True(filter.Matches(h.Payload)));
        }

        Assert.InRange(Recall(index, items, queries, 10, filter), MinimumRecall, 1.0);
    }

    [Fact]
    public void Search_VerySelectiveFilter_IsExact()
    {
        var items = Items(3000, 19);
        using var index = new HnswVectorIndex(Dimensions);
        index.Upsert(items);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var filter = new VectorFilter(CreatedFrom: start.AddHours(100), CreatedBefore: start.AddHours(130), Categories: new HashSet<string> { "tax", "login" });

        foreach (var query in Items(10, 20))
        {
            Assert.Equal(BruteForce(items, query.Vector.Span, 5, filter), index.Search(query.Vector.Span, 5, filter).Select(h => h.Id));
        }
    }

    [Fact]
    public void Search_Filters_TreatMissingPayloadFieldsAsVectorFilterDoes()
    {
        var items = Items(600, 28);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var bare = items.Select((item, i) => i % 4 == 0 ? item with { Payload = new VectorPayload() } : item).ToList();
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { ExactFilterFraction = 1 });
        index.Upsert(bare);
        VectorFilter[] filters =
        [
            new(Categories: new HashSet<string> { "billing", "unknown" }),
            new(Outcomes: new HashSet<string> { "failure" }),
            new(CreatedFrom: start.AddHours(300)),
            new(CreatedBefore: start.AddHours(50).ToOffset(TimeSpan.FromHours(-5))),
            new(Categories: new HashSet<string>()),
        ];

        foreach (var filter in filters)
        {
            Assert.Equal(BruteForce(bare, bare[1].Vector.Span, 20, filter), index.Search(bare[1].Vector.Span, 20, filter).Select(h => h.Id));
        }
    }

    [Fact]
    public void Delete_RemovesItemsFromResults_AndUpsertReplacesById()
    {
        var items = Items(800, 21);
        using var index = new HnswVectorIndex(Dimensions);
        index.Upsert(items);
        var query = items[5].Vector;

        index.Delete(["t00005", "missing"]);
        var replacement = items[600].Vector.ToArray();
        index.Upsert([new VectorItem("t00007", replacement, new VectorPayload("moved"))]);

        Assert.Equal(799, index.Count);
        var hits = index.Search(query.Span, 10);
        Assert.DoesNotContain(hits, h => h.Id == "t00005");
        var moved = index.Search(replacement, 2);
        Assert.Contains(moved, h => h.Id == "t00007" && h.Payload.Category == "moved");
        Assert.Single(index.Search(replacement, 50), h => h.Id == "t00007");
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_GivesTheSameResultsAndPayloads()
    {
        var items = Items(1200, 23);
        var offsetPayload = new VectorPayload("tax", new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)), null);
        items.Add(new VectorItem("offset", items[0].Vector, offsetPayload));
        using var index = new HnswVectorIndex(Dimensions, new HnswOptions { M = 8, EfConstruction = 50, EfSearch = 40 });
        index.Upsert(items);
        index.Delete(["t00003"]);
        using var stream = new MemoryStream();
        index.Save(stream);
        stream.Position = 0;

        using var loaded = HnswVectorIndex.Load(stream);

        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(8, loaded.Options.M);
        Assert.Equal(40, loaded.Options.EfSearch);
        var filter = new VectorFilter(Outcomes: new HashSet<string> { "failure" });
        foreach (var query in Items(20, 24))
        {
            Assert.Equal(index.Search(query.Vector.Span, 10).Select(h => (h.Id, h.Score)), loaded.Search(query.Vector.Span, 10).Select(h => (h.Id, h.Score)));
            Assert.Equal(index.Search(query.Vector.Span, 10, filter).Select(h => h.Id), loaded.Search(query.Vector.Span, 10, filter).Select(h => h.Id));
        }

        var hit = loaded.Search(items[0].Vector.Span, 2).Single(h => h.Id == "offset");
        Assert.Equal(offsetPayload, hit.Payload);
        Assert.Equal(offsetPayload.CreatedAt!.Value.Offset, hit.Payload.CreatedAt!.Value.Offset);

        loaded.Upsert([new VectorItem("new", items[9].Vector, new VectorPayload())]);
        Assert.Contains(loaded.Search(items[9].Vector.Span, 2), h => h.Id == "new");
    }

    [Fact]
    public void Load_NotAnIndex_Throws()
    {
        using var stream = new MemoryStream("not an index at all"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => HnswVectorIndex.Load(stream));
    }

    [Fact]
    public void Search_ConcurrentQueries_GiveTheSameResultsAsSequentialOnes()
    {
        var items = Items(2000, 25);
        var queries = Items(200, 26);
        using var index = new HnswVectorIndex(Dimensions);
        index.Upsert(items);
        var sequential = queries.Select(q => string.Join(',', index.Search(q.Vector.Span, 10).Select(h => h.Id))).ToArray();

        var concurrent = new string[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            concurrent[i] = string.Join(',', index.Search(queries[i].Vector.Span, 10).Select(h => h.Id)));

        Assert.Equal(sequential, concurrent);
    }

    [Fact]
    public async Task InterfaceMethods_UpsertSearchDelete()
    {
        var items = Items(100, 27);
        using var index = new HnswVectorIndex(Dimensions);
        var vectors = AsInterface(index);

        await vectors.UpsertAsync(items);
        var hits = await vectors.SearchAsync(items[1].Vector, 3);
        await vectors.DeleteAsync(["t00001"]);

        Assert.Equal("t00001", hits[0].Id);
        Assert.Equal(99, vectors.Count);
        Assert.Equal(Dimensions, vectors.Dimensions);
        Assert.DoesNotContain(await vectors.SearchAsync(items[1].Vector, 3), h => h.Id == "t00001");
    }

    private static IVectorIndex AsInterface(IVectorIndex index) => index;

    [Fact]
    public void Upsert_WrongDimensions_Throws()
    {
        using var index = new HnswVectorIndex(4);

        Assert.Throws<ArgumentException>(() => index.Upsert([new VectorItem("x", new float[3], new VectorPayload())]));
        Assert.Throws<ArgumentException>(() => index.Search(new float[5], 1));
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new HnswVectorIndex(4, new HnswOptions { M = 1 }));
        Assert.Throws<ArgumentException>(() => new HnswVectorIndex(4, new HnswOptions { EfSearch = 0 }));
        Assert.Throws<ArgumentException>(() => new HnswVectorIndex(4, new HnswOptions { ExactFilterFraction = 2 }));
    }
}
