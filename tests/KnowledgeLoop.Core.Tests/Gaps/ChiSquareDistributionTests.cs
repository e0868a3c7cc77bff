using KnowledgeLoop.Core.Gaps;

namespace KnowledgeLoop.Core.Tests.Gaps;

public class ChiSquareDistributionTests
{
    private const double TableTolerance = 1e-5;

    [Theory]
    [InlineData(3.841459, 1, 0.05)]
    [InlineData(6.634897, 1, 0.01)]
    [InlineData(5.991465, 2, 0.05)]
    [InlineData(11.070498, 5, 0.05)]
    [InlineData(15.086272, 5, 0.01)]
    [InlineData(18.307038, 10, 0.05)]
    [InlineData(43.772972, 30, 0.05)]
    public void SurvivalFunction_CriticalValues_GiveTheirTailProbability(double chiSquare, int df, double expected)
    {
        Assert.Equal(expected, ChiSquareDistribution.SurvivalFunction(chiSquare, df), TableTolerance);
    }

    [Fact]
    public void SurvivalFunction_EvenDegrees_MatchClosedForm()
    {
        // df = 2: e^(−x/2); df = 4: e^(−x/2)(1 + x/2).
        Assert.Equal(Math.Exp(-1), ChiSquareDistribution.SurvivalFunction(2, 2), 1e-12);
        Assert.Equal(Math.Exp(-0.25) * 1.25, ChiSquareDistribution.SurvivalFunction(0.5, 4), 1e-12);
        Assert.Equal(Math.Exp(-20) * 21, ChiSquareDistribution.SurvivalFunction(40, 4), 1e-20);
    }

    [Fact]
    public void SurvivalFunction_Edges()
    {
        Assert.Equal(1, ChiSquareDistribution.SurvivalFunction(0, 3));
        Assert.InRange(ChiSquareDistribution.SurvivalFunction(200, 3), 0, 1e-30);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareDistribution.SurvivalFunction(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareDistribution.SurvivalFunction(double.NaN, 1));
    }

    [Fact]
    public void LogGamma_KnownValues()
    {
        Assert.Equal(Math.Log(24), ChiSquareDistribution.LogGamma(5), 1e-12);
        Assert.Equal(0.5 * Math.Log(Math.PI), ChiSquareDistribution.LogGamma(0.5), 1e-12);
    }
}
