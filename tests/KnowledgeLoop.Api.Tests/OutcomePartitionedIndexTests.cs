using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Core.Vectors;

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
        var partitioned = new OutcomePartitionedIndex(dimensions, new ExactVectorIndexFactory());
        await partitioned.UpsertAsync(items);
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
}
