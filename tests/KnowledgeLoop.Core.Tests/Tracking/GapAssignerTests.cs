using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class GapAssignerTests
{
    private const float Tolerance = 1e-5f;

    // Two clusters on the x and y axes; the second ended in no gap (e.g. it held no failure).
    private static readonly GapGeometry Geometry = new()
    {
        EmbedderId = "lsa-3",
        Dimensions = 3,
        AsOf = DateTimeOffset.UnixEpoch,
        Clusters =
        [
            new AssignmentCluster(0, [0.9f, 0, 0], 0.5f, "gap-x"),
            new AssignmentCluster(1, [0, 0.9f, 0], 0.5f, null),
        ],
        Gaps =
        [
            new GapSnapshot { Id = "gap-x", Centroid = [1, 0, 0], MemberTicketIds = [], FailureTicketIds = [], Lineage = GapLineage.New(DateTimeOffset.UnixEpoch) },
        ],
    };

    [Fact]
    public void Assign_VectorNearAGapsCentroid_GetsThatGap()
    {
        var assignment = Assert.Single(GapAssigner.Assign(Rows([0.98f, 0.2f, 0]), Geometry));

        Assert.Equal("gap-x", assignment.GapId);
        Assert.Equal(0, assignment.Cluster);
        Assert.True(assignment.Similarity > 0.9f);
    }

    [Fact]
    public void Assign_VectorOutsideEveryCutoff_GetsNoGap()
    {
        var assignment = Assert.Single(GapAssigner.Assign(Rows([0, 0, 1]), Geometry));

        Assert.Null(assignment.GapId);
        Assert.True(assignment.Distance > 0.5f);
    }

    [Fact]
    public void Assign_NearestClusterWithoutAGap_GetsNoGap()
    {
        var assignment = Assert.Single(GapAssigner.Assign(Rows([0.1f, 0.99f, 0]), Geometry));

        Assert.Equal(1, assignment.Cluster);
        Assert.Null(assignment.GapId);
    }

    [Fact]
    public void Assign_ZeroVector_GetsNoGapEvenWhenACentroidLiesWithinItsCutoff()
    {
        var geometry = Geometry with { Clusters = [new AssignmentCluster(0, [0.3f, 0, 0], 0.5f, "gap-x")] };

        var assignment = Assert.Single(GapAssigner.Assign(Rows([0, 0, 0]), geometry));

        Assert.Null(assignment.GapId);
        Assert.Equal(-1, assignment.Cluster);
    }

    [Fact]
    public void Assign_DistanceIsTheEuclideanDistanceToTheRawCentroid()
    {
        var assignment = Assert.Single(GapAssigner.Assign(Rows([1, 0, 0]), Geometry));

        Assert.Equal(0.1f, assignment.Distance, Tolerance);
        Assert.Equal("gap-x", assignment.GapId);
    }

    [Fact]
    public void Assign_RunWithoutClusters_AssignsNothing()
    {
        var empty = GapGeometry.Empty("lsa-3", 3, DateTimeOffset.UnixEpoch);

        var assignments = GapAssigner.Assign(Rows([1, 0, 0], [0, 1, 0]), empty);

        Assert.Equal(2, assignments.Count);
        Assert.All(assignments, a => Assert.Null(a.GapId));
    }

    private static VectorMatrix Rows(params float[][] rows) => new([.. rows.SelectMany(r => r)], rows.Length, rows[0].Length);
}
