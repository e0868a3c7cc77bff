using KnowledgeLoop.Core.Clustering;
using static KnowledgeLoop.Core.Tests.Clustering.ClusteringFixtures;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class ClusterCountSelectorTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Select_SeparatedBlobs_PicksTheirNumber(int blobs)
    {
        var (points, _) = PlaneBlobs(blobs, 40);

        var selection = ClusterCountSelector.Select(points, new ClusterCountSelectorOptions { Seed = 1 });

        Assert.Equal(blobs, selection.ClusterCount);
        Assert.Equal(selection.Scores.Single(s => s.ClusterCount == blobs).Silhouette, selection.Silhouette);
        Assert.True(selection.Silhouette > 0.8);
        Assert.Equal(selection.Scores.OrderBy(s => s.ClusterCount).Select(s => s.ClusterCount), selection.Scores.Select(s => s.ClusterCount));
    }

    [Fact]
    public void Select_SphereBlobsBeyondTheSample_PicksTheirNumber()
    {
        var (points, _) = SphereBlobs(12, 150, 32, 0.15f, seed: 4);

        var selection = ClusterCountSelector.Select(points, new ClusterCountSelectorOptions { SampleSize = 1000, Seed = 2 });

        Assert.Equal(12, selection.ClusterCount);
        Assert.Equal(1000, selection.SampleSize);
    }

    [Fact]
    public void Select_SameSeed_SameChoiceAndScores()
    {
        var (points, _) = SphereBlobs(6, 100, 16, 0.5f, seed: 9);
        var options = new ClusterCountSelectorOptions { Seed = 5, MaximumClusters = 12 };

        var first = ClusterCountSelector.Select(points, options);
        var second = ClusterCountSelector.Select(points, options);

        Assert.Equal(first.ClusterCount, second.ClusterCount);
        Assert.Equal(first.Scores, second.Scores);
    }

    [Fact]
    public void Choose_ScoresWithinTolerance_FavoursTheLargerK()
    {
        var scores = new Dictionary<int, double> { [2] = 0.120, [5] = 0.115, [8] = 0.111, [11] = 0.090 };

        Assert.Equal(8, ClusterCountSelector.Choose(scores, 0.01));
        Assert.Equal(2, ClusterCountSelector.Choose(scores, 0.0));
    }

    [Fact]
    public void Range_FewRows_CapsKAtRowsPerTen()
    {
        var options = new ClusterCountSelectorOptions();

        Assert.Equal((2, 60), ClusterCountSelector.Range(3000, options));
        Assert.Equal((2, 25), ClusterCountSelector.Range(250, options));
    }
}
