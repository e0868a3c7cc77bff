namespace KnowledgeLoop.Core.Gaps;

/// <summary>One agent's (or group's) failures in a gap against what their share of the gap's volume predicts.</summary>
/// <param name="Name">The agent or group; "other" for the merged small ones.</param>
/// <param name="Kind">"agent" or "group".</param>
/// <param name="Tickets">The gap's mature first contacts they handled.</param>
/// <param name="Failures">Of those, failures.</param>
/// <param name="ExpectedFailures">Tickets × the gap's failure rate.</param>
public sealed record FailureConcentration(string Name, string Kind, long Tickets, long Failures, double ExpectedFailures)
{
    /// <summary>The Pearson residual (failures − expected) ÷ √expected.</summary>
    public double Residual => ExpectedFailures > 0 ? (Failures - ExpectedFailures) / Math.Sqrt(ExpectedFailures) : 0;
}
