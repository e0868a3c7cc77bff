using System.Numerics.Tensors;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Clustering;
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
            var assigned = OutlierCut.Admits(Distance(vector, nearest.Centroid), nearest.Cutoff, TensorPrimitives.Norm(nearest.Centroid), TensorPrimitives.Norm(vector)) ? nearest.GapId : null;
            Assert.Equal(gapOf.GetValueOrDefault(tickets[i].Id), assigned);
            checkedTickets++;
        }

        Assert.True(checkedTickets > 1000, checkedTickets.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void History_AfterAMerge_FollowsTheAbsorbedGapOldestFirst_AndUnknownIdsAreEmpty()
    {
        using var store = KnowledgeStore.Open(_folder.File("h.db"));
        var repository = new GapRepository(store);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        repository.SaveRun("a-1", Geometry(t0, Snapshot("gap-a", 1, GapLineage.New(t0)), Snapshot("gap-b", 2, GapLineage.New(t0))), t0);
        var t1 = t0.AddDays(7);
        var merged = new GapLineage { Status = GapLineageStatus.Merged, PreviousId = "gap-a", MergedFrom = ["gap-b"], CentroidSimilarity = 0.9, MemberOverlap = 0.6, FirstSeen = t0, Runs = 2 };
        repository.SaveRun("a-2", Geometry(t1, Snapshot("gap-a", 1, merged), Snapshot("gap-c", 2, GapLineage.New(t1))), t1);

        var history = repository.History("gap-a");

        Assert.Equal([("a-1", "gap-b"), ("a-1", "gap-a"), ("a-2", "gap-a")], history.Select(e => (e.RunId, e.GapId)));
        Assert.Equal(GapLineageStatus.Merged, history[2].Lineage.Status);
        Assert.Equal(["gap-b"], history[2].Lineage.MergedFrom);
        Assert.Equal(t1, history[2].AsOf);
        Assert.Equal(["gap-c"], repository.History("gap-c").Select(e => e.GapId));
        Assert.Empty(repository.History("gap-unknown"));
        Assert.Equal(["gap-a", "gap-b", "gap-c"], repository.KnownIds().Order(StringComparer.Ordinal));
        Assert.Equal("a-2", repository.LoadLatest()!.RunId);
        Assert.Equal("a-1", repository.LoadRun("a-1")!.RunId);
    }

    private static GapGeometry Geometry(DateTimeOffset asOf, params GapSnapshot[] gaps) => new()
    {
        EmbedderId = "lsa-2",
        Dimensions = 2,
        AsOf = asOf,
        Clusters = [new AssignmentCluster(0, [1, 0], float.PositiveInfinity, gaps[0].Id), new AssignmentCluster(1, [0, 1], 0.5f, null)],
        Gaps = gaps,
    };

    private static GapSnapshot Snapshot(string id, int rank, GapLineage lineage) => new()
    {
        Id = id,
        Centroid = [1, 0],
        MemberTicketIds = ["t1", "t2", "t3"],
        FailureTicketIds = ["t2"],
        Rank = rank,
        Title = "Title " + id,
        Type = "missing",
        TicketCount = 3,
        FailureCount = 1,
        FcrNumerator = 2,
        FcrDenominator = 3,
        Fcr = 2 / 3.0,
        TopArticleId = "KB-1",
        Lineage = lineage,
    };

    [Fact]
    public void SaveRun_InfiniteCutoff_LoadsBackInfinite()
    {
        using var store = KnowledgeStore.Open(_folder.File("c.db"));
        var repository = new GapRepository(store);
        var t0 = DateTimeOffset.UnixEpoch;
        repository.SaveRun("a-1", Geometry(t0, Snapshot("gap-a", 1, GapLineage.New(t0))), t0);

        var clusters = repository.LoadRun("a-1")!.Geometry.Clusters;

        Assert.Equal([float.PositiveInfinity, 0.5f], clusters.Select(c => c.Cutoff));
        Assert.Equal(["gap-a", null], clusters.Select(c => c.GapId));
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
