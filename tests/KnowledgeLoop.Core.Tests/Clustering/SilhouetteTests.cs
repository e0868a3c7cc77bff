using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class SilhouetteTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Score_FourPointsOnALine_MatchesHandComputation()
    {
        // x = 0, 1 | 4, 5. Point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 7/9; point 1: a = 1, b = (3 + 4) / 2 = 3.5,
        // s = 5/7; points 2 and 3 mirror them. Mean = (7/9 + 5/7) / 2 = 47/63 (scikit-learn: 0.746031746031746).
        var points = new VectorMatrix([0f, 0f, 1f, 0f, 4f, 0f, 5f, 0f], 4, 2);

        var score = Silhouette.Score(points, [0, 0, 1, 1]);

        Assert.Equal(47.0 / 63.0, score, Tolerance);
    }

    [Fact]
    public void Score_SingletonCluster_CountsAsZero()
    {
        // x = 0, 1 | 5: s = 1 − 1/5, 1 − 1/4, and 0 for the singleton (scikit-learn: 0.5166666666666667).
        var points = new VectorMatrix([0f, 0f, 1f, 0f, 5f, 0f], 3, 2);

        Assert.Equal(1.55 / 3, Silhouette.Score(points, [0, 0, 1]), Tolerance);
    }

    [Fact]
    public void Score_CosineOnOppositeDirections_IsOne()
    {
        // Two pairs of identical unit vectors pointing in opposite directions: a = 0, b = 2, s = 1 everywhere.
        var points = new VectorMatrix([1f, 0f, 1f, 0f, -1f, 0f, -1f, 0f], 4, 2);

        Assert.Equal(1.0, Silhouette.Score(points, [0, 0, 1, 1], SilhouetteMetric.Cosine), Tolerance);
    }

    [Fact]
    public void Score_OneCluster_IsZero()
    {
        var points = new VectorMatrix([0f, 0f, 1f, 0f, 5f, 0f], 3, 2);

        Assert.Equal(0.0, Silhouette.Score(points, [0, 0, 0]));
    }
}
