using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class OutlierCutTests
{
    [Fact]
    public void Cutoffs_ClusterWithOneStraggler_CutsOnlyTheStraggler()
    {
        // Distances 1.0, 1.1, …, 1.9 and 5: median 1.5, MAD 0.3, cut-off 1.5 + 3 × 1.4826 × 0.3 ≈ 2.834.
        float[] distances = [.. Enumerable.Range(0, 10).Select(i => 1f + (i / 10f)), 5f];
        var assignments = new int[distances.Length];

        var cutoffs = OutlierCut.Cutoffs(assignments, distances, 1);

        Assert.Equal(1.5 + (3 * 1.4826 * 0.3), cutoffs[0], 1e-5);
        Assert.Single(distances, d => d > cutoffs[0]);
    }

    [Fact]
    public void Cutoffs_RuleWouldCutTooMany_RelaxesToTheBudget()
    {
        // Fourteen rows at 0.1 (MAD 0) and six beyond: the rule cuts all six (30%), the budget allows 3 (15%).
        float[] distances = [.. Enumerable.Repeat(0.1f, 14), 1.0f, 1.1f, 1.2f, 1.3f, 1.4f, 1.5f];
        var assignments = new int[distances.Length];

        var cutoffs = OutlierCut.Cutoffs(assignments, distances, 1, maxUnclusteredFraction: 0.15);

        Assert.Equal(3, distances.Count(d => d > cutoffs[0]));
        Assert.Equal(6, distances.Count(d => d > OutlierCut.Cutoffs(assignments, distances, 1, maxUnclusteredFraction: 0.5)[0]));
    }

    [Fact]
    public void Cutoffs_GlobalCeiling_CutsBeyondIt()
    {
        float[] distances = [0.1f, 0.2f, 0.3f, 0.9f, 0.1f, 0.2f, 0.3f, 0.2f, 0.2f, 0.2f];
        var assignments = new[] { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };

        var cutoffs = OutlierCut.Cutoffs(assignments, distances, 2, deviations: 100, maximumDistance: 0.5f);

        Assert.Equal(0.5f, cutoffs[0], 1e-6f);
        Assert.True(cutoffs[1] <= 0.5f);
    }

    [Fact]
    public void AssignWithinCutoff_FarPoint_IsUnclustered()
    {
        var model = new KMeansModel
        {
            Centroids = new VectorMatrix([0f, 0f, 10f, 0f], 2, 2),
            Assignments = [],
            Distances = [],
            Inertia = 0,
            Iterations = 0,
        };
        var points = new VectorMatrix([0.5f, 0f, 9f, 0f, 5f, 20f], 3, 2);

        var labels = OutlierCut.AssignWithinCutoff(points, model, [1f, 2f]);

        Assert.Equal([0, 1, -1], labels);
    }

    [Fact]
    public void AssignWithinCutoff_UnitRowOrthogonalToADiffuseCluster_IsUnclusteredThoughWithinTheCutoff()
    {
        // A diffuse cluster: its members point every which way, so its centroid is short (0.3) and its cut-off wide.
        var model = new KMeansModel
        {
            Centroids = new VectorMatrix([0.3f, 0f], 1, 2),
            Assignments = [],
            Distances = [],
            Inertia = 0,
            Iterations = 0,
        };
        var along = new VectorMatrix([1f, 0f], 1, 2);      // distance 0.7, cosine 1
        var across = new VectorMatrix([0f, 1f], 1, 2);     // distance 1.04, cosine 0
        var slanted = new VectorMatrix([0.6f, 0.8f], 1, 2); // distance 0.82, cosine 0.6

        Assert.Equal([0], OutlierCut.AssignWithinCutoff(along, model, [1.1f]));
        Assert.Equal([-1], OutlierCut.AssignWithinCutoff(across, model, [1.1f]));
        Assert.Equal([0], OutlierCut.AssignWithinCutoff(slanted, model, [1.1f]));
        Assert.False(OutlierCut.Admits(1.04f, 1.1f, 0.3f));
        Assert.True(OutlierCut.Admits(0.7f, 1.1f, 0.3f));
    }
}
