using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Vectors;

public sealed class ExactVectorIndexTests
{
    private static float[] V(params float[] values) => values;

    private static float[] Unit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    [Fact]
    public void Search_MatchesBruteForce_OnRandomVectors()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 500).Select(i => new VectorItem("t" + i, Unit(random, 32), new VectorPayload(i % 2 == 0 ? "billing" : "sync", null, i % 3 == 0 ? "failure" : "success"))).ToList();
        using var index = new ExactVectorIndex(32);
        index.Upsert(items);
        var query = Unit(random, 32);

        var hits = index.Search(query, 10);

        var expected = items.Select(i => (i.Id, Score: TensorPrimitives.Dot(query, i.Vector.Span)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).Take(10).ToList();
        Assert.Equal(expected.Select(x => x.Id), hits.Select(h => h.Id));
        Assert.Equal(expected[0].Score, hits[0].Score, 5);
        Assert.Equal(500, index.Count);
    }

    [Fact]
    public void Search_AppliesCategoryOutcomeAndDateFilters()
    {
        var day = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        using var index = new ExactVectorIndex(2);
        index.Upsert(
        [
            new VectorItem("a", V(1, 0), new VectorPayload("billing", day, "failure")),
            new VectorItem("b", V(0.9f, 0.1f), new VectorPayload("billing", day.AddDays(10), "success")),
            new VectorItem("c", V(0.8f, 0.2f), new VectorPayload("sync", day.AddDays(20), "success")),
        ]);

        var successes = new VectorFilter(Outcomes: new HashSet<string> { "success" });
        var billing = new VectorFilter(Categories: new HashSet<string> { "billing" });
        Assert.Equal(["b", "c"], index.Search([1, 0], 5, successes).Select(h => h.Id));
        Assert.Equal(["a", "b"], index.Search([1, 0], 5, billing).Select(h => h.Id));
        Assert.Equal(["b"], index.Search([1, 0], 5, new VectorFilter(CreatedFrom: day.AddDays(1), CreatedBefore: day.AddDays(15))).Select(h => h.Id));
    }

    [Fact]
    public void Upsert_ReplacesById_AndDeleteMovesTheLastRow()
    {
        using var index = new ExactVectorIndex(2);
        index.Upsert([new VectorItem("a", V(1, 0), new VectorPayload()), new VectorItem("b", V(0, 1), new VectorPayload()), new VectorItem("c", V(-1, 0), new VectorPayload())]);

        index.Upsert([new VectorItem("a", V(0, -1), new VectorPayload("moved"))]);
        index.Delete(["b", "missing"]);

        Assert.Equal(2, index.Count);
        var hit = Assert.Single(index.Search([0, -1], 1));
        Assert.Equal(("a", "moved"), (hit.Id, hit.Payload.Category));
        Assert.Equal("c", index.Search([-1, 0], 1)[0].Id);
        Assert.Throws<ArgumentException>(() => index.Search([1, 0, 0], 1));
    }

    [Fact]
    public void Search_TiesAreOrderedById()
    {
        using var index = new ExactVectorIndex(2);
        index.Upsert([new VectorItem("z", V(1, 0), new VectorPayload()), new VectorItem("m", V(1, 0), new VectorPayload()), new VectorItem("a", V(1, 0), new VectorPayload())]);

        Assert.Equal(["a", "m"], index.Search([1, 0], 2).Select(h => h.Id));
    }
}
