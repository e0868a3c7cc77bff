namespace KnowledgeLoop.Core.Metrics;

/// <summary>The names FCR outcomes carry in reports and vector payloads.</summary>
public static class FcrOutcomeExtensions
{
    /// <summary>success, failure, immature or follow_up.</summary>
    public static string ToContractName(this FcrOutcome outcome) => outcome switch
    {
        FcrOutcome.Success => "success",
        FcrOutcome.Failure => "failure",
        FcrOutcome.Immature => "immature",
        _ => "follow_up",
    };
}
