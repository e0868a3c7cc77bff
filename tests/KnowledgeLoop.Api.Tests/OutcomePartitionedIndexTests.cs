using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Tests;

public sealed class OutcomePartitionedIndexTests
{
    private static readonly string[] Outcomes = ["success", "failure", "immature", "follow_up"];
    private static readonly string[] Categories = ["billing", "bank_feeds", "login"];

    private static List<VectorItem> Items(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return new VectorItem(
                $"T{i:D5}",
                vector.Select(v => v / norm).ToArray(),
                new VectorPayload(Categories[i % Categories.Length], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), Outcomes[random.Next(Outcomes.Length)]));
        }).ToList();
    }

    public static TheoryData<string?, string?> Filters() => new()
    {
        { "success", null },
        { "failure", null },
        { "failure", "billing" },
        { null, null },
        { null, "login" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_AnyFilter_ReturnsWhatTheExactIndexReturns(string? outcome, string? category)
    {
        const int dimensions = 16;
        var items = Items(2_000, dimensions, seed: 3);
        using var exact = new ExactVectorIndex(dimensions);
        exact.Upsert(items);
        var partitioned = OutcomePartitionedIndex.Build(dimensions, items, new ExactFactory().Build);
        var filter = outcome is null && category is null
            ? null
            : new VectorFilter(
                Categories: category is null ? null : new HashSet<string>(StringComparer.Ordinal) { category },
                Outcomes: outcome is null ? null : new HashSet<string>(StringComparer.Ordinal) { outcome });

        foreach (var query in Items(10, dimensions, seed: 9))
        {
            var expected = await exact.SearchAsync(query.Vector, 7, filter);
            var actual = await partitioned.SearchAsync(query.Vector, 7, filter);

            Assert.Equal(expected.Select(h => h.Id), actual.Select(h => h.Id));
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score));
        }

        Assert.Equal(items.Count, partitioned.Count);
    }

    [Fact]
    public async Task Search_OverGraphPartitions_FindsMostOfTheExactNeighbours()
    {
        const int dimensions = 16;
        var items = Items(3_000, dimensions, seed: 4);
        using var exact = new ExactVectorIndex(dimensions);
        exact.Upsert(items);
        var graph = new Microsoft.Extensions.Options.OptionsWrapper<VectorIndexOptions>(new VectorIndexOptions { HnswThreshold = 100 });
        var partitioned = OutcomePartitionedIndex.Build(dimensions, items, new SizedVectorIndexFactory(graph).Build);
        var filter = new VectorFilter(Outcomes: new HashSet<string>(StringComparer.Ordinal) { "success" });

        var found = 0;
        var queries = Items(20, dimensions, seed: 8);
        foreach (var query in queries)
        {
            var expected = (await exact.SearchAsync(query.Vector, 10, filter)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            found += (await partitioned.SearchAsync(query.Vector, 10, filter)).Count(h => expected.Contains(h.Id));
        }

        Assert.True(found >= 0.9 * 10 * queries.Count, $"recall {found / (10.0 * queries.Count):0.00}");
    }

    [Theory]
    [InlineData(1, 64, 32)]
    [InlineData(5, 64, 32)]
    [InlineData(10, 64, 40)]
    [InlineData(50, 64, 64)]
    [InlineData(5, 20, 20)]
    public void SearchBreadth_SmallK_KeepsFourTimesKAtLeast32UpToTheConfiguredEf(int k, int configured, int expected) =>
        Assert.Equal(expected, OutcomePartitionedIndex.SearchBreadth(k, configured));

    private sealed class ExactFactory : IVectorIndexFactory
    {
        public IVectorIndex Build(int dimensions, IReadOnlyCollection<VectorItem> items)
        {
            var index = new ExactVectorIndex(dimensions);
            index.Upsert(items);
            return index;
        }
    }
}
