using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Vectors;

public sealed class ExactSearchTests
{
    private const float Tolerance = 1e-4f;

    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    /// <summary>The reference: every dot product, sorted by score then row.</summary>
    private static (int[] Indices, float[] Scores) Reference(float[] database, int rows, float[] queries, int queryCount, int dimensions, int k)
    {
        var indices = new int[queryCount * k];
        var scores = new float[queryCount * k];
        for (var q = 0; q < queryCount; q++)
        {
            var query = queries.AsSpan(q * dimensions, dimensions).ToArray();
            var best = Enumerable.Range(0, rows)
                .Select(r => (Row: r, Score: TensorPrimitives.Dot(query, database.AsSpan(r * dimensions, dimensions))))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Row).ToList();
            for (var i = 0; i < k; i++)
            {
                indices[(q * k) + i] = i < best.Count ? best[i].Row : -1;
                scores[(q * k) + i] = i < best.Count ? best[i].Score : float.NegativeInfinity;
            }
        }

        return (indices, scores);
    }

    [Theory]
    [InlineData(3000, 70, 64, 10, null)]
    [InlineData(1300, 1, 256, 10, null)]
    [InlineData(1300, 1, 256, 5, 1)]
    [InlineData(777, 33, 20, 7, 2)]
    [InlineData(5, 3, 16, 10, null)]
    public void TopK_MatchesEveryDotProductSorted(int rows, int queryCount, int dimensions, int k, int? threads)
    {
        var database = Random(rows * dimensions, rows);
        var queries = Random(queryCount * dimensions, queryCount + 1);
        var (expectedIndices, expectedScores) = Reference(database, rows, queries, queryCount, dimensions, k);
        var indices = new int[queryCount * k];
        var scores = new float[queryCount * k];

        ExactSearch.TopK(database, rows, queries, queryCount, dimensions, k, indices, scores, threads);

        Assert.Equal(expectedIndices, indices);
        Assert.Equal(expectedScores, scores, (a, b) => a == b || Math.Abs(a - b) <= Tolerance);
    }

    [Fact]
    public void TopK_EqualScores_PreferTheLowerRow()
    {
        // 2,000 identical rows split over several parts: the first k rows win.
        var database = Enumerable.Repeat(0.5f, 2000 * 16).ToArray();
        var queries = Enumerable.Repeat(1f, 16).ToArray();
        var indices = new int[4];
        var scores = new float[4];

        ExactSearch.TopK(database, 2000, queries, 1, 16, 4, indices, scores, threads: 4);

        Assert.Equal([0, 1, 2, 3], indices);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(32)]
    [InlineData(33)]
    public void Dot_MatchesTensorPrimitives(int length)
    {
        var x = Random(length, 1);
        var y = Random(length, 2);

        Assert.Equal(TensorPrimitives.Dot(x, y), VectorKernels.Dot(x, y), Tolerance);
    }
}
