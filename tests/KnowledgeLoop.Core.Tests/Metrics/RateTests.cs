using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class RateTests
{
    private const double IntervalTolerance = 1e-4;

    [Fact]
    public void Wilson_EightOfTen_MatchesPublishedInterval()
    {
        var rate = new Rate(8, 10);

        Assert.Equal(0.8, rate.Value, 12);
        Assert.Equal(0.4902, rate.CiLow, IntervalTolerance);
        Assert.Equal(0.9433, rate.CiHigh, IntervalTolerance);
    }

    [Fact]
    public void Wilson_NoneOfTen_LowIsZeroAndHighIsZSquaredOverNPlusZSquared()
    {
        var rate = new Rate(0, 10);
        const double z2 = Rate.WilsonZ * Rate.WilsonZ;

        Assert.Equal(0, rate.CiLow);
        Assert.Equal(z2 / (10 + z2), rate.CiHigh, 1e-12);
    }

    [Fact]
    public void Wilson_AllOfTen_HighIsOneAndLowMirrorsNone()
    {
        var rate = new Rate(10, 10);

        Assert.Equal(1, rate.CiHigh);
        Assert.Equal(0.7225, rate.CiLow, IntervalTolerance);
    }

    [Fact]
    public void Wilson_OneOfTwo_IntervalIsWideAndSymmetric()
    {
        var rate = new Rate(1, 2);

        Assert.Equal(0.0945, rate.CiLow, IntervalTolerance);
        Assert.Equal(0.9055, rate.CiHigh, IntervalTolerance);
    }

    [Fact]
    public void Of_ZeroDenominator_IsNull()
    {
        Assert.Null(Rate.Of(0, 0));
        Assert.Equal(new Rate(1, 3), Rate.Of(1, 3));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void Constructor_ImpossibleCounts_Throws(long numerator, long denominator)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(numerator, denominator));
    }
}
