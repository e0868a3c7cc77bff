using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Vectors;

public sealed class VectorIndexFactoryTests
{
    private static List<VectorItem> Items(int count) =>
        Enumerable.Range(0, count).Select(i => new VectorItem("v" + i, new float[] { 1, i, 0, (i % 7) - 3 }, new VectorPayload())).ToList();

    [Fact]
    public void Build_BelowTheThreshold_IsExact_AndFromItOnIsHnsw()
    {
        var options = new VectorIndexOptions { HnswThreshold = 50 };

        using var small = (IDisposable)VectorIndexFactory.Build(4, Items(49), options);
        using var large = (IDisposable)VectorIndexFactory.Build(4, Items(50), options);

        Assert.IsType<ExactVectorIndex>(small);
        var hnsw = Assert.IsType<HnswVectorIndex>(large);
        Assert.Equal(50, hnsw.Count);
        Assert.Equal("v7", hnsw.Search(new float[] { 1, 7, 0, -3 }, 1)[0].Id);
    }

    [Fact]
    public void Create_PassesTheGraphSettingsOn()
    {
        var options = new VectorIndexOptions { HnswThreshold = 0, Hnsw = new HnswOptions { M = 6, EfSearch = 20 } };

        using var index = Assert.IsType<HnswVectorIndex>(VectorIndexFactory.Create(8, 10, options));

        Assert.Equal(6, index.Options.M);
        Assert.Equal(20, index.Options.EfSearch);
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorIndexFactory.Create(8, 10, new VectorIndexOptions { HnswThreshold = -1 }));
    }
}
