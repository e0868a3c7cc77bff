using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Tests.Tracking;

public class ProportionTestTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Of_FiftyThenSeventyOfHundred_HandComputedZAndP()
    {
        // Pooled p = 120/200 = 0.6; SE = √(0.6 × 0.4 × (1/100 + 1/100)) = 0.0692820; z = 0.2 / SE = 2.8867513;
        // two-sided p = erfc(z/√2) = 0.0038924.
        var test = ProportionTest.Of(50, 100, 70, 100);

        Assert.Equal(0.2, test.Difference, Tolerance);
        Assert.Equal(2.8867513, test.Z, Tolerance);
        Assert.Equal(0.0038924, test.PValue, Tolerance);
    }

    [Fact]
    public void Of_RateFell_NegativeZSameP()
    {
        var test = ProportionTest.Of(70, 100, 50, 100);

        Assert.Equal(-2.8867513, test.Z, Tolerance);
        Assert.Equal(0.0038924, test.PValue, Tolerance);
    }

    [Fact]
    public void Of_BothRatesOne_NoEvidence()
    {
        var test = ProportionTest.Of(10, 10, 30, 30);

        Assert.Equal(0, test.Z);
        Assert.Equal(1, test.PValue, Tolerance);
    }

    [Fact]
    public void Of_MissingRate_IsNull()
    {
        Assert.Null(ProportionTest.Of(null, new Rate(1, 2)));
        Assert.Null(ProportionTest.Of(new Rate(1, 2), null));
    }

    [Fact]
    public void TwoSidedP_KnownQuantile_IsFivePercent()
    {
        Assert.Equal(0.05, ProportionTest.TwoSidedP(1.959964), Tolerance);
    }
}
