using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tests.Qdrant;
using KnowledgeLoop.Infrastructure.Tests.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Tracking;

/// <summary>Each run's gap geometry in the store (migration 5): saved, loaded back whole, and enough to assign tickets.</summary>
public sealed class GapRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SaveRun_ThenLoadLatest_GivesTheSameGeometryBack()
    {
        var demo = await DemoData.LoadInputAsync();
        var result = GapAnalyzer.Analyze(new AnalysisInput([.. demo.Tickets.Take(1500)], demo.Articles, []), new AnalysisOptions());
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        var repository = new GapRepository(store);
        Assert.Null(repository.LoadLatest());

        repository.SaveRun("a-1", result.Geometry, DateTimeOffset.UnixEpoch);
        var loaded = repository.LoadLatest();

        Assert.NotNull(loaded);
        Assert.Equal("a-1", loaded.RunId);
        var saved = result.Geometry;
        Assert.Equal(saved.EmbedderId, loaded.Geometry.EmbedderId);
        Assert.Equal(saved.Dimensions, loaded.Geometry.Dimensions);
        Assert.Equal(saved.AsOf, loaded.Geometry.AsOf);
        Assert.NotEmpty(saved.Gaps);
        Assert.Equal(saved.Gaps.Select(g => g.Id), loaded.Geometry.Gaps.Select(g => g.Id));
        for (var g = 0; g < saved.Gaps.Count; g++)
        {
            var (a, b) = (saved.Gaps[g], loaded.Geometry.Gaps[g]);
            Assert.Equal(a.Centroid, b.Centroid);
            Assert.Equal(a.MemberTicketIds, b.MemberTicketIds);
            Assert.Equal(a.FailureTicketIds, b.FailureTicketIds);
            Assert.Equal((a.Rank, a.Title, a.Type, a.TicketCount, a.FailureCount, a.Fcr, a.TopArticleId), (b.Rank, b.Title, b.Type, b.TicketCount, b.FailureCount, b.Fcr, b.TopArticleId));
            Assert.Equal(a.Lineage.Status, b.Lineage.Status);
            Assert.Equal(a.Lineage.FirstSeen, b.Lineage.FirstSeen);
        }

        Assert.Equal(saved.Clusters.Count, loaded.Geometry.Clusters.Count);
        Assert.All(saved.Clusters.Zip(loaded.Geometry.Clusters), pair =>
        {
            Assert.Equal(pair.First.Centroid, pair.Second.Centroid);
            Assert.Equal(pair.First.Cutoff, pair.Second.Cutoff);
            Assert.Equal(pair.First.GapId, pair.Second.GapId);
        });
        Assert.Equal(saved.Gaps.Select(g => g.Id).ToHashSet(), loaded.KnownIds);
    }

    [Fact]
    public async Task Geometry_AssigningEveryNonFailureTicket_ReproducesTheGapMembers()
    {
        var demo = await DemoData.LoadInputAsync();
        var tickets = demo.Tickets.Take(1500).ToList();
        var result = GapAnalyzer.Analyze(new AnalysisInput(tickets, demo.Articles, []), new AnalysisOptions());
        var geometry = result.Geometry;
        var gapOf = geometry.Gaps.SelectMany(g => g.MemberTicketIds.Select(id => (id, g.Id))).ToDictionary(x => x.id, x => x.Id, StringComparer.Ordinal);
        var failures = geometry.Gaps.SelectMany(g => g.FailureTicketIds).ToHashSet(StringComparer.Ordinal);

        var checkedTickets = 0;
        for (var i = 0; i < tickets.Count; i++)
        {
            if (result.Outcomes[i].Fcr == Core.Metrics.FcrOutcome.Failure || failures.Contains(tickets[i].Id))
            {
                continue; // failures keep the clustering's own verdict
            }

            var vector = result.TicketVectors.Row(i).ToArray();
            var nearest = geometry.Clusters.MinBy(c => Distance(vector, c.Centroid))!;
            var assigned = Distance(vector, nearest.Centroid) <= nearest.Cutoff ? nearest.GapId : null;
            Assert.Equal(gapOf.GetValueOrDefault(tickets[i].Id), assigned);
            checkedTickets++;
        }

        Assert.True(checkedTickets > 1000, checkedTickets.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EncodeIds_RoundTrips_AndIsCompact()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => "T-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var blob = GapRepository.EncodeIds(ids);

        Assert.Equal(ids, GapRepository.DecodeIds(blob));
        Assert.True(blob.Length < 5 * ids.Count, blob.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(GapRepository.DecodeIds(GapRepository.EncodeIds([])));
    }

    private static float Distance(ReadOnlySpan<float> a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Distance(a, b);
}
