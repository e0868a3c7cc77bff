using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Vectors;

public class ExactVectorIndexTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Search_RandomPoints_MatchesBruteForceTopK()
    {
        var random = new Random(5);
        using var index = new ExactVectorIndex(16, capacity: 4);
        var points = Enumerable.Range(0, 300).Select(i => Point($"p{i:D3}", RandomUnit(random, 16), i % 3 == 0 ? "billing" : "login", Day.AddDays(i % 10))).ToList();
        index.Upsert(points);
        var query = RandomUnit(random, 16);

        var hits = index.Search(query, 7);

        var expected = points
            .Select(p => (p.Id, Score: TensorPrimitives.Dot(query, p.Vector.Span)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(7).ToList();
        Assert.Equal(expected.Select(e => e.Id), hits.Select(h => h.Id));
        Assert.Equal(expected.Select(e => e.Score), hits.Select(h => h.Score));
    }

    [Fact]
    public void Search_Filter_AppliesCategoryDateOutcomeAndExclusions()
    {
        var random = new Random(6);
        using var index = new ExactVectorIndex(8);
        var points = Enumerable.Range(0, 100)
            .Select(i => Point($"p{i:D3}", RandomUnit(random, 8), i % 2 == 0 ? "billing" : "login", Day.AddDays(i % 10), i % 4 == 0 ? "reopened" : "resolved"))
            .ToList();
        index.Upsert(points);
        var filter = new VectorFilter
        {
            Categories = ["billing"],
            Outcomes = ["reopened"],
            CreatedFrom = Day.AddDays(2),
            CreatedBefore = Day.AddDays(8),
            ExcludedIds = ["p004"],
        };

        var hits = index.Search(RandomUnit(random, 8), 100, filter);

        var expected = points.Where(p => filter.Matches(p.Id, p.Payload)).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal("billing", h.Payload.Category));
        Assert.DoesNotContain(hits, h => h.Id == "p004");
    }

    [Fact]
    public void Search_EqualScores_OrderById()
    {
        using var index = new ExactVectorIndex(2);
        index.Upsert([Point("b", [1, 0]), Point("a", [1, 0]), Point("c", [0, 1])]);

        Assert.Equal(["a", "b"], index.Search([1f, 0f], 2).Select(h => h.Id));
    }

    [Fact]
    public void Upsert_SameId_ReplacesVectorAndPayload()
    {
        using var index = new ExactVectorIndex(2);
        index.Upsert([Point("a", [1, 0], "old")]);
        index.Upsert([Point("a", [0, 1], "new")]);

        var hit = Assert.Single(index.Search([0f, 1f], 5));
        Assert.Equal(1f, hit.Score);
        Assert.Equal("new", hit.Payload.Category);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task Delete_Ids_RemovesThemAndKeepsTheRestSearchable()
    {
        using var index = new ExactVectorIndex(2);
        await index.UpsertAsync([Point("a", [1, 0]), Point("b", [0.9f, 0.1f]), Point("c", [0, 1])]);

        await index.DeleteAsync(["a", "zzz"]);

        Assert.Equal(2, await index.CountAsync());
        Assert.Equal(["b", "c"], (await index.SearchAsync(new float[] { 1, 0 }, 5)).Select(h => h.Id));
        Assert.True(index.TryGet("c", out var vector, out _));
        Assert.Equal([0f, 1f], vector);
    }

    [Fact]
    public void Search_WrongDimensions_Throws()
    {
        using var index = new ExactVectorIndex(3);

        Assert.Throws<ArgumentException>(() => index.Search([1f, 0f], 1));
        Assert.Throws<ArgumentException>(() => index.Upsert([Point("a", [1, 0])]));
    }

    private static VectorPoint Point(string id, float[] vector, string? category = null, DateTimeOffset? created = null, string? outcome = null) =>
        new(id, vector, new VectorPayload { Category = category, CreatedAt = created, Outcome = outcome });

    private static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
