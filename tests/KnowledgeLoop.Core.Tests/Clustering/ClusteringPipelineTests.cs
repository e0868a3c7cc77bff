using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;
using static KnowledgeLoop.Core.Tests.Clustering.ClusteringFixtures;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class ClusteringPipelineTests
{
    [Fact]
    public void Run_AutomaticOnBlobs_ChoosesTheirNumberAndClustersEveryone()
    {
        var (points, truth) = SphereBlobs(4, 50, 16, 0.1f, seed: 1);
        var progress = new List<double>();

        var result = ClusteringPipeline.Run(points, new ClusteringOptions { Seed = 3 }, new SyncProgress(progress.Add));

        Assert.Equal(4, result.ClusterCount);
        Assert.Equal(ClusterCountSource.Automatic, result.ChosenBy);
        Assert.NotNull(result.Selection);
        Assert.True(result.Silhouette > 0.5);
        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex(truth, result.Model.Assignments));
        Assert.Equal(result.ClusterSizes.Sum() + result.Unclustered, points.Rows);
        Assert.True(result.ClusterSizes.SequenceEqual(result.ClusterSizes.OrderDescending()));
        Assert.Equal(1.0, progress[^1]);
    }

    [Fact]
    public void Run_InjectedFarPoints_NeverLeavesMoreThanTheBudgetUnclustered()
    {
        // 120 blob points and 30 scattered far points (20% of the rows): the cut may only take 15%.
        var (blobs, _) = PlaneBlobs(3, 40, spread: 0.3f);
        var random = new Random(8);
        var data = new float[(blobs.Rows + 30) * 2];
        blobs.Data.CopyTo(data, 0);
        for (var i = blobs.Data.Length; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 60) - 30);
        }

        var points = new VectorMatrix(data, blobs.Rows + 30, 2);

        var result = ClusteringPipeline.Run(points, new ClusteringOptions { ClusterCount = 3, MinimumClusterSize = 1 });

        Assert.Equal(ClusterCountSource.Given, result.ChosenBy);
        Assert.InRange(result.Unclustered, 1, (int)Math.Floor(0.15 * points.Rows));
        Assert.All(result.Assignments.Take(blobs.Rows), a => Assert.NotEqual(-1, a));
        Assert.Equal(result.Assignments, OutlierCut.AssignWithinCutoff(points, result.Model, result.Cutoffs));
    }

    [Fact]
    public void Run_ClusterBelowMinimumSize_IsDissolved()
    {
        // Three blobs and a pair of points far away from them: k = 4 gives the pair its own cluster of 2 < 3.
        var (blobs, _) = PlaneBlobs(3, 20, spread: 0.3f);
        var data = blobs.Data.Concat([40f, 40f, 40.5f, 40f]).ToArray();
        var points = new VectorMatrix(data, blobs.Rows + 2, 2);

        var result = ClusteringPipeline.Run(points, new ClusteringOptions { ClusterCount = 4 });

        Assert.Equal(3, result.ClusterCount);
        Assert.Equal(3, result.Model.ClusterCount);
        Assert.Equal([-1, -1], result.Assignments[^2..]);
        Assert.All(result.ClusterSizes, size => Assert.True(size >= 3));
    }

    [Fact]
    public void Run_SameSeed_SameResult()
    {
        var (points, _) = SphereBlobs(5, 60, 16, 0.4f, seed: 6);
        var options = new ClusteringOptions { Seed = 9 };

        var first = ClusteringPipeline.Run(points, options);
        var second = ClusteringPipeline.Run(points, options);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Model.Centroids.Data, second.Model.Centroids.Data);
        Assert.Equal(first.Cutoffs, second.Cutoffs);
    }

    [Fact]
    public void Run_NoRows_ReturnsNoClusters()
    {
        var result = ClusteringPipeline.Run(new VectorMatrix(0, 8), new ClusteringOptions());

        Assert.Equal(0, result.ClusterCount);
        Assert.Empty(result.Assignments);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
