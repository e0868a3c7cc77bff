using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// The two-proportion z-test of "after" against "before" with the pooled standard error:
/// p̂ = (x₁ + x₂) ÷ (n₁ + n₂), SE = √(p̂(1 − p̂)(1/n₁ + 1/n₂)), z = (x₂/n₂ − x₁/n₁) ÷ SE, two-sided p = P(|Z| ≥ |z|).
/// </summary>
/// <param name="Difference">after − before, as a fraction (positive: the rate rose).</param>
/// <param name="Z">The z statistic (0 when both rates are 0 or both 1).</param>
/// <param name="PValue">The two-sided p-value.</param>
public sealed record ProportionTest(double Difference, double Z, double PValue)
{
    /// <summary>The test, or null when either rate is not computable.</summary>
    public static ProportionTest? Of(Rate? before, Rate? after) =>
        before is null || after is null ? null : Of(before.Numerator, before.Denominator, after.Numerator, after.Denominator);

    /// <summary>The test of x₂/n₂ (after) against x₁/n₁ (before); both n must be positive.</summary>
    public static ProportionTest Of(long beforeSuccesses, long beforeTrials, long afterSuccesses, long afterTrials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beforeTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(afterTrials, 1);
        var difference = ((double)afterSuccesses / afterTrials) - ((double)beforeSuccesses / beforeTrials);
        var pooled = (double)(beforeSuccesses + afterSuccesses) / (beforeTrials + afterTrials);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / beforeTrials) + (1.0 / afterTrials)));

        // A pooled rate of 0 or 1 means both rates are equal: no evidence of a change.
        var z = standardError > 0 ? difference / standardError : 0;
        return new ProportionTest(difference, z, TwoSidedP(z));
    }

    /// <summary>P(|Z| ≥ |z|) for a standard normal Z, through χ²(1) = Z².</summary>
    public static double TwoSidedP(double z) => ChiSquareDistribution.SurvivalFunction(z * z, 1);
}
