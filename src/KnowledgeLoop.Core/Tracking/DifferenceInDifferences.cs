using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Difference-in-differences of a rate: (treated after − treated before) − (control after − control before), with the
/// Wald standard error of four independent proportions, SE = √Σ p(1 − p)/n, z = estimate ÷ SE and a two-sided p-value.
/// The control is the pool of gaps that got no article in the period, over the same two windows, so a change that hit
/// every gap (a season, a product release) is not credited to the article.
/// </summary>
/// <param name="Estimate">The difference-in-differences, as a fraction.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Z">Estimate ÷ standard error.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="ControlBefore">The pooled control rate before.</param>
/// <param name="ControlAfter">The pooled control rate after.</param>
public sealed record DifferenceInDifferences(double Estimate, double StandardError, double Z, double PValue, Rate ControlBefore, Rate ControlAfter)
{
    /// <summary>The estimate, or null when a rate is missing or all four are 0 or 1 (no variance: the test is undefined).</summary>
    public static DifferenceInDifferences? Of(Rate? treatedBefore, Rate? treatedAfter, Rate? controlBefore, Rate? controlAfter)
    {
        if (treatedBefore is null || treatedAfter is null || controlBefore is null || controlAfter is null)
        {
            return null;
        }

        var estimate = (treatedAfter.Value - treatedBefore.Value) - (controlAfter.Value - controlBefore.Value);
        var variance = Variance(treatedBefore) + Variance(treatedAfter) + Variance(controlBefore) + Variance(controlAfter);
        if (variance <= 0)
        {
            return null;
        }

        var standardError = Math.Sqrt(variance);
        var z = estimate / standardError;
        return new DifferenceInDifferences(estimate, standardError, z, ProportionTest.TwoSidedP(z), controlBefore, controlAfter);
    }

    private static double Variance(Rate rate) => rate.Value * (1 - rate.Value) / rate.Denominator;
}
