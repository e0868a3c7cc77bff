using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Tests.Tracking;

public class DifferenceInDifferencesTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Of_TreatedRoseMoreThanControl_HandComputedEstimateAndP()
    {
        // Treated 50/100 → 70/100 (+0.20); control 300/400 → 310/400 (+0.025): estimate 0.175.
        // Var = 0.25/100 + 0.21/100 + 0.1875/400 + 0.174375/400 = 0.0055046875; SE = 0.0741936; z = 2.3586946; p = 0.0183393.
        var did = DifferenceInDifferences.Of(new Rate(50, 100), new Rate(70, 100), new Rate(300, 400), new Rate(310, 400));

        Assert.NotNull(did);
        Assert.Equal(0.175, did.Estimate, Tolerance);
        Assert.Equal(0.0741936, did.StandardError, Tolerance);
        Assert.Equal(2.3586946, did.Z, Tolerance);
        Assert.Equal(0.0183393, did.PValue, Tolerance);
    }

    [Fact]
    public void Of_ControlRoseAsMuch_EstimateNearZeroNotSignificant()
    {
        var did = DifferenceInDifferences.Of(new Rate(50, 100), new Rate(70, 100), new Rate(200, 400), new Rate(280, 400));

        Assert.NotNull(did);
        Assert.Equal(0, did.Estimate, Tolerance);
        Assert.Equal(1, did.PValue, Tolerance);
    }

    [Fact]
    public void Of_NoVarianceOrMissingRate_IsNull()
    {
        Assert.Null(DifferenceInDifferences.Of(new Rate(0, 10), new Rate(10, 10), new Rate(0, 5), new Rate(5, 5)));
        Assert.Null(DifferenceInDifferences.Of(new Rate(1, 2), new Rate(1, 2), null, new Rate(1, 2)));
    }
}
