using KnowledgeLoop.Core.Clustering;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class ClusterQualityTests
{
    private const double Tolerance = 1e-10;

    // Expected values are scikit-learn 1.2's adjusted_rand_score and normalized_mutual_info_score.
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }, 0.5714285714285714, 0.7999999999999999)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 1, 1, 0, 0 }, 1.0, 1.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5, 0.0)]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, new[] { 0, 0, 1, 1, 1, 2, 2, 2, 2 }, 0.35714285714285715, 0.5895098274473048)]
    [InlineData(new[] { 5, 5, -1, -1, 3, 3, 3, 7 }, new[] { 1, 1, 1, 0, 0, 0, 2, 2 }, 0.15789473684210525, 0.5577965290899927)]
    public void Scores_KnownLabelings_MatchScikitLearn(int[] truth, int[] predicted, double ari, double nmi)
    {
        Assert.Equal(ari, ClusterQuality.AdjustedRandIndex(truth, predicted), Tolerance);
        Assert.Equal(nmi, ClusterQuality.NormalizedMutualInformation(truth, predicted), Tolerance);
    }

    [Fact]
    public void Scores_BothSingleCluster_ArePerfect()
    {
        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex([3, 3, 3], [0, 0, 0]));
        Assert.Equal(1.0, ClusterQuality.NormalizedMutualInformation([3, 3, 3], [0, 0, 0]));
    }

    [Fact]
    public void Scores_DifferentLengths_Throw()
    {
        Assert.Throws<ArgumentException>(() => ClusterQuality.AdjustedRandIndex([0, 1], [0]));
    }
}
