using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;
using static KnowledgeLoop.Core.Tests.Clustering.ClusteringFixtures;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class KMeansTrainerTests
{
    [Fact]
    public void Fit_ThreeSeparatedBlobs_RecoversThemPerfectly()
    {
        var (points, truth) = PlaneBlobs(3, 30);

        var model = new KMeansTrainer(3, seed: 1).Fit(points);

        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex(truth, model.Assignments));
        Assert.Equal(3, model.ClusterCount);
        Assert.InRange(model.Iterations, 1, 100);
        var expectedInertia = model.Distances.Sum(d => (double)d * d);
        Assert.Equal(expectedInertia, model.Inertia, 1e-3);
    }

    [Theory]
    [InlineData(KMeansInitialization.KMeansPlusPlus, KMeansAlgorithm.Lloyd)]
    [InlineData(KMeansInitialization.Random, KMeansAlgorithm.Lloyd)]
    [InlineData(KMeansInitialization.KMeansPlusPlus, KMeansAlgorithm.MiniBatch)]
    public void Fit_SameSeed_IdenticalModelWhateverTheThreads(KMeansInitialization initialization, KMeansAlgorithm algorithm)
    {
        var (points, _) = SphereBlobs(6, 700, 32, 0.3f, seed: 3);
        KMeansModel Fit(int threads) => new KMeansTrainer(new KMeansOptions
        {
            NumberOfClusters = 6,
            Seed = 42,
            InitializationAlgorithm = initialization,
            Algorithm = algorithm,
            MiniBatchSize = 256,
            NumberOfThreads = threads,
        }).Fit(points);

        var first = Fit(1);
        var second = Fit(2);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Centroids.Data, second.Centroids.Data);
        Assert.Equal(first.Distances, second.Distances);
        Assert.Equal(first.Inertia, second.Inertia);
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void Fit_DifferentSeeds_CanDiffer()
    {
        // Structureless points: the local optimum depends on where the centroids start.
        var random = new Random(5);
        var points = new VectorMatrix([.. Enumerable.Range(0, 400).Select(_ => (float)random.NextDouble())], 200, 2);

        var one = new KMeansTrainer(new KMeansOptions { NumberOfClusters = 7, Seed = 1, NumberOfRestarts = 1 }).Fit(points);
        var two = new KMeansTrainer(new KMeansOptions { NumberOfClusters = 7, Seed = 2, NumberOfRestarts = 1 }).Fit(points);

        Assert.NotEqual(one.Centroids.Data, two.Centroids.Data);
    }

    [Fact]
    public void Fit_MiniBatchOnBlobs_ReachesHighAri()
    {
        var (points, truth) = SphereBlobs(8, 600, 32, 0.15f, seed: 11);

        var model = new KMeansTrainer(new KMeansOptions
        {
            NumberOfClusters = 8,
            Algorithm = KMeansAlgorithm.MiniBatch,
            MiniBatchSize = 256,
            Seed = 3,
        }).Fit(points);

        var ari = ClusterQuality.AdjustedRandIndex(truth, model.Assignments);
        Assert.True(ari >= 0.95, $"ARI {ari}");
        Assert.Equal(8, model.Assignments.Distinct().Count());
    }

    [Fact]
    public void Fit_AutoAlgorithmAboveThreshold_UsesMiniBatchSteps()
    {
        var (points, truth) = SphereBlobs(4, 300, 16, 0.1f, seed: 2);

        var model = new KMeansTrainer(new KMeansOptions { NumberOfClusters = 4, MiniBatchThreshold = 1000, MiniBatchSize = 100 }).Fit(points);

        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex(truth, model.Assignments));
        Assert.True(model.Iterations > 3); // mini-batch steps, not a handful of Lloyd iterations
    }

    [Fact]
    public void Fit_CoincidentStartingCentroids_ReseedsTheEmptyClusterFromTheFarthestPoint()
    {
        var (points, truth) = PlaneBlobs(2, 10);
        var start = new VectorMatrix(2, 2);
        points.Row(0).CopyTo(start.Row(0));
        points.Row(0).CopyTo(start.Row(1)); // cluster 1 starts empty: every tie goes to cluster 0

        var model = new KMeansTrainer(new KMeansOptions { NumberOfClusters = 2 }).Fit(points, start);

        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex(truth, model.Assignments));
    }

    [Fact]
    public void Fit_ManyCoincidentStartingCentroids_LeavesNoClusterEmpty()
    {
        var (points, _) = PlaneBlobs(3, 10);
        var start = new VectorMatrix(5, 2);
        for (var c = 0; c < 5; c++)
        {
            points.Row(0).CopyTo(start.Row(c));
        }

        var model = new KMeansTrainer(new KMeansOptions { NumberOfClusters = 5 }).Fit(points, start);

        Assert.Equal(5, model.Assignments.Distinct().Count());
        Assert.All(model.Centroids.Data, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void Predict_PointNearACentroid_ReturnsThatCluster()
    {
        var (points, _) = PlaneBlobs(3, 20);
        var model = new KMeansTrainer(3).Fit(points);

        for (var c = 0; c < 3; c++)
        {
            var centroid = model.Centroids.Row(c).ToArray();
            centroid[0] += 0.01f;
            Assert.Equal(c, model.Predict(centroid, out var distance));
            Assert.Equal(0.01f, distance, 1e-4f);
        }
    }

    [Fact]
    public void Fit_MoreClustersThanRows_Throws()
    {
        var points = new VectorMatrix(2, 4);

        Assert.Throws<ArgumentException>(() => new KMeansTrainer(3).Fit(points));
    }
}
