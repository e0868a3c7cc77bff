namespace KnowledgeLoop.Core.Gaps;

/// <summary>A chi-square goodness-of-fit test of a gap's failures across agents or groups against their volume.</summary>
/// <param name="Kind">"agent" or "group".</param>
/// <param name="Statistic">Σ (failures − expected)² ÷ expected.</param>
/// <param name="DegreesOfFreedom">Categories − 1.</param>
/// <param name="PValue">P(χ² ≥ statistic).</param>
/// <param name="Categories">The categories tested (small ones merged into "other"), largest residual first.</param>
public sealed record ChiSquareTest(string Kind, double Statistic, int DegreesOfFreedom, double PValue, IReadOnlyList<FailureConcentration> Categories);
