using KnowledgeLoop.Core.Labels;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Labels;

public class RepresentativesTests
{
    [Fact]
    public void Nearest_TwoClusters_ReturnsClosestMembersWithTiesByIndex()
    {
        // Cluster 0 centred at 0: members at 3, -1, 1, 2 (indices 0..3; -1 and 1 tie); cluster 1 at 10; one unclustered at 0.
        var points = new VectorMatrix([3f, -1f, 1f, 2f, 11f, 9.5f, 0f], 7, 1);
        var centroids = new VectorMatrix([0f, 10f], 2, 1);

        var nearest = Representatives.Nearest(points, [0, 0, 0, 0, 1, 1, -1], centroids);

        Assert.Equal([1, 2, 3], nearest[0]);
        Assert.Equal([5, 4], nearest[1]);
    }
}
